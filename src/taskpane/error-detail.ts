import { apiFailureCode, type ApiFailureCode } from './api-failure.js';

/** What went wrong in its raw words (often the server's or Outlook's English), for the collapsed technical detail. */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure as the pane keeps it: the raw detail, and the API failure code the user reads translated (null: not the API's). */
export interface FailureCause {
  readonly detail: string;
  readonly cause: ApiFailureCode | null;
}

export function failureOf(error: unknown, prefix = ''): FailureCause {
  return { detail: `${prefix}${detailOf(error)}`, cause: apiFailureCode(error) };
}
