import { describeError } from '../policy/index.js';
import { apiFailureCode, type ApiFailureCode } from './api-failure.js';

/** A failure as the pane keeps it: the raw detail (often the server's or Outlook's English), and the API failure code the user reads translated (null: not the API's). */
export interface FailureCause {
  readonly detail: string;
  readonly cause: ApiFailureCode | null;
}

export function failureOf(error: unknown, prefix = ''): FailureCause {
  return { detail: `${prefix}${describeError(error)}`, cause: apiFailureCode(error) };
}
