export type ApiFailure = 'bad-origin' | 'network' | 'timeout' | 'http' | 'bad-answer';

/** Why a call to the Preflight API failed; for `http` the status and the server's own `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiFailure,
    readonly detail: string,
    readonly status?: number,
  ) {
    super(`Preflight API: ${code}${detail === '' ? '' : `: ${detail}`}`);
  }
}

/** The `message` of a Fastify error answer, or '' when the body is not one. */
export function serverMessage(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: the status alone has to do.
  }
  return '';
}
