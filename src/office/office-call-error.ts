/** Why an Office call did not give a value: Office said Failed, it never answered, it threw, or the API is missing. */
export type OfficeFailureKind = 'failed' | 'timeout' | 'threw' | 'unavailable';

/**
 * A failed, timed-out or missing Office call. `operation` names the call (`to.getAsync`); `code` is Office's
 * error code as text when Office gave one, otherwise the kind (`timeout`, `threw`, `unavailable`).
 */
export class OfficeCallError extends Error {
  override readonly name = 'OfficeCallError';

  constructor(
    readonly operation: string,
    readonly kind: OfficeFailureKind,
    readonly code: string,
    detail: string,
  ) {
    super(`${operation}: ${kind} (${code})${detail === '' ? '' : `: ${detail}`}`);
  }
}
