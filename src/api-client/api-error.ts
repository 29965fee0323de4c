import { jsonValue } from '../policy/index.js';
import { parseApiErrorBody, type PolicyProblemOnWire } from '../protocol/index.js';

export type ApiFailure = 'bad-origin' | 'network' | 'timeout' | 'http' | 'bad-answer';

/**
 * Why a call to the Preflight backend failed, from any client (the pane, the send handler's policy and
 * approval fetches, the console, the approver's page); for `http` the status, the server's own `message`,
 * and its `reason` when the route gives one (the approvals API tells `sender` from `not-approver`,
 * docs/approval.md). The body it is read from is src/protocol/api-error-body.ts.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiFailure,
    readonly detail: string,
    readonly status?: number,
    readonly reason?: string,
    /** For a refused policy save: each problem with its JSON path (the admin policy API's 400). */
    readonly problems: readonly PolicyProblemOnWire[] = [],
  ) {
    super(`Preflight API: ${code}${detail === '' ? '' : `: ${detail}`}`);
  }
}

/** The `message` of an error answer, or '' when the body is not one. */
export function serverMessage(text: string): string {
  return parseApiErrorBody(jsonValue(text)).message;
}

/** An HTTP error answer as an ApiError: the server's `message`, its `reason` and its `problems` when it sent them. */
export function httpError(status: number, text: string): ApiError {
  const refusal = parseApiErrorBody(jsonValue(text));
  return new ApiError('http', refusal.message, status, refusal.reason, refusal.problems);
}
