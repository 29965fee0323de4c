import { isRecord } from '../policy/index.js';
import { APPROVAL_GRANTED_PATH } from '../protocol/index.js';
import { absoluteOrigin, getJsonWithin, type FetchOptions } from './fetch-policy.js';
import { ApiError } from './api-error.js';

/**
 * The signed approval the server holds for this sender and approval fingerprint (docs/approval.md), for the
 * send handler, which has no token to sign in with; null when there is none (404). Other failures reject.
 */
export async function fetchGrantedApproval(
  origin: string,
  query: { readonly fingerprint: string; readonly sender: string },
  timeoutMs: number,
  options?: FetchOptions,
): Promise<string | null> {
  const base = absoluteOrigin(origin);
  if (base === null) throw new ApiError('bad-origin', `not an absolute origin: ${origin}`);
  const url = `${base}${APPROVAL_GRANTED_PATH}?fingerprint=${encodeURIComponent(query.fingerprint)}&sender=${encodeURIComponent(query.sender)}`;
  let answer: unknown;
  try {
    answer = await getJsonWithin(url, timeoutMs, options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
  const approval = isRecord(answer) ? answer['approval'] : undefined;
  if (typeof approval !== 'string') throw new ApiError('bad-answer', 'the answer has no approval');
  return approval;
}
