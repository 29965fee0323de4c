// Placeholder until the generated Unicode name table lands: no names, so callers fall back to the script.
export function characterName(_char: string): string | null {
  return null;
}
