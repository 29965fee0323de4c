// JSON.parse keeps the last of two equal keys in an object and drops the first without a word. In a policy
// that silently loses a block (a second "keywords" pasted further down), so policy documents are scanned for
// them (docs/policy.md, "Problem codes": policy.duplicate-key). Other JSON readers do not need it and the
// send handler's bundle is size-limited, so only policy readers import this.
import { childPath, ROOT_PATH } from './json-reader.js';

export interface DuplicateKey {
  /** JSON path of the repeated key, as the policy parser writes paths. */
  readonly path: string;
  /** The key's decoded value. */
  readonly key: string;
}

type Frame =
  | { readonly kind: 'object'; readonly path: string; readonly keys: Set<string>; key: string | null; expectsKey: boolean }
  | { readonly kind: 'array'; readonly path: string; index: number };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** The index just past the string literal starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index += 1;
  }
  return text.length;
}

/** Where a value starting now sits. */
function valuePath(frame: Frame | undefined): string {
  if (frame === undefined) return ROOT_PATH;
  return frame.kind === 'array' ? childPath(frame.path, frame.index) : childPath(frame.path, frame.key ?? '');
}

/**
 * Every key that repeats an earlier key of the same object, compared by decoded value (`"a"` and `"\u0061"`
 * are one key, as JSON.parse sees them). `text` must be JSON that parsed; other text gives no answer to trust.
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    const top = stack[stack.length - 1];
    if (WHITESPACE.has(char) || char === ':') {
      index += 1;
    } else if (char === ',') {
      if (top?.kind === 'array') top.index += 1;
      else if (top?.kind === 'object') top.expectsKey = true;
      index += 1;
    } else if (char === '{' || char === '[') {
      const path = valuePath(top);
      stack.push(char === '{' ? { kind: 'object', path, keys: new Set(), key: null, expectsKey: true } : { kind: 'array', path, index: 0 });
      index += 1;
    } else if (char === '}' || char === ']') {
      stack.pop();
      index += 1;
    } else if (char === '"') {
      const end = stringEnd(text, index);
      if (top?.kind === 'object' && top.expectsKey) {
        const key = JSON.parse(text.slice(index, end)) as string;
        if (top.keys.has(key)) found.push({ path: childPath(top.path, key), key });
        top.keys.add(key);
        top.key = key;
        top.expectsKey = false;
      }
      index = end;
    } else {
      // A number, true, false or null: nothing inside it can open an object.
      index += 1;
    }
  }
  return found;
}
