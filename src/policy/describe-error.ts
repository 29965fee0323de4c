/**
 * A failure as the words a log line or a technical detail shows: an Error's message, anything else thrown
 * as String gives it. One function, so every layer words the same failure the same way.
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
