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
