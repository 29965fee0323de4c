// Why a call to the Preflight API failed, as a stable code the pane translates (pane.apiError.* in the
// string tables). The server's own `message` is English for IT and the logs (docs/api.md, "Errors"); the
// pane shows it only as a collapsed technical detail, never as what the user reads first.
import { ApiError } from '../api-client/index.js';
import type { PaneKey } from './pane-text.js';

export const API_FAILURE_CODES = [
  'sign-in',
  'forbidden',
  'not-found',
  'conflict',
  'expired',
  'too-large',
  'invalid',
  'rate-limited',
  'server',
  'no-mail-relay',
  'no-approver',
  'no-sender-address',
  'network',
  'timeout',
  'bad-answer',
  'unknown',
] as const;
export type ApiFailureCode = (typeof API_FAILURE_CODES)[number];

/** The `reason` a route puts in its error answer (links, approvals), where it says more than the status. */
const BY_REASON: Readonly<Record<string, ApiFailureCode>> = {
  'no-mail-relay': 'no-mail-relay',
  'no-approver': 'no-approver',
  'no-sender-address': 'no-sender-address',
  'too-large': 'too-large',
  invalid: 'invalid',
  'size-mismatch': 'invalid',
  'media-type': 'invalid',
  'files-missing': 'invalid',
  'not-found': 'not-found',
  forbidden: 'forbidden',
  sender: 'forbidden',
  'not-approver': 'forbidden',
  expired: 'expired',
  shredded: 'expired',
  complete: 'conflict',
  uploaded: 'conflict',
  uploading: 'conflict',
  decided: 'conflict',
  conflict: 'conflict',
};

const BY_STATUS: Readonly<Record<number, ApiFailureCode>> = {
  400: 'invalid',
  401: 'sign-in',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'expired',
  413: 'too-large',
  415: 'invalid',
  422: 'invalid',
  429: 'rate-limited',
};

function httpFailure(status: number | undefined, reason: string | undefined): ApiFailureCode {
  const byReason = reason === undefined ? undefined : BY_REASON[reason];
  if (byReason !== undefined) return byReason;
  if (status === undefined) return 'unknown';
  return BY_STATUS[status] ?? (status >= 500 ? 'server' : 'unknown');
}

/** The code for an API failure; null for anything else (Outlook's errors, the pane's own). */
export function apiFailureCode(error: unknown): ApiFailureCode | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'http':
      return httpFailure(error.status, error.reason);
    case 'network':
    case 'timeout':
      return error.code;
    case 'bad-answer':
    case 'bad-origin':
      return 'bad-answer';
  }
}

function isApiFailureCode(code: string): code is ApiFailureCode {
  return (API_FAILURE_CODES as readonly string[]).includes(code);
}

/** The string-table key for a code; a code this pane does not know (a newer server's) gets the generic text. */
export function apiFailureKey(code: string): PaneKey {
  return `pane.apiError.${isApiFailureCode(code) ? code : 'unknown'}`;
}
