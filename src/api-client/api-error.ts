import { parsePolicyProblems, type PolicyProblemOnWire } from '../protocol/index.js';

export type ApiFailure = 'bad-origin' | 'network' | 'timeout' | 'http' | 'bad-answer';

/**
 * Why a call to the Preflight API failed; for `http` the status, the server's own `message`, and its
 * `reason` when the route gives one (the approvals API tells `sender` from `not-approver`, docs/approval.md).
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

function errorField(text: string, name: 'message' | 'reason'): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && name in parsed) {
      const value: unknown = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string') return value;
    }
  } catch {
    // Not JSON: the status alone has to do.
  }
  return '';
}

/** The `message` of a Fastify error answer, or '' when the body is not one. */
export function serverMessage(text: string): string {
  return errorField(text, 'message');
}

/** An HTTP error answer as an ApiError: the server's `message`, and its `reason` when it sent one. */
export function httpError(status: number, text: string): ApiError {
  const reason = errorField(text, 'reason');
  let body: unknown = null;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: no problems to list.
  }
  return new ApiError('http', serverMessage(text), status, reason === '' ? undefined : reason, parsePolicyProblems(body));
}
