export type PolicyFetchFailure = 'bad-origin' | 'network' | 'timeout' | 'http' | 'bad-json';

/** Why the policy document could not be fetched; `status` is set for `http`. */
export class PolicyFetchError extends Error {
  override readonly name = 'PolicyFetchError';

  constructor(
    readonly code: PolicyFetchFailure,
    detail: string,
    readonly status?: number,
  ) {
    super(`policy fetch: ${code}${detail === '' ? '' : `: ${detail}`}`);
  }
}
