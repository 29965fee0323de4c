// A policy problem (src/policy PolicyProblem, or one a server sent) in the reader's language.
import type { Locale } from './locale.js';
import { POLICY_PROBLEM_STRINGS, type PolicyProblemCode } from './tables/policy-problems.js';
import { translateFrom, type Params } from './template.js';

export interface TranslatableProblem {
  readonly message: string;
  readonly code?: string;
  readonly params?: Params;
}

export function isPolicyProblemCode(code: string): code is PolicyProblemCode {
  return Object.prototype.hasOwnProperty.call(POLICY_PROBLEM_STRINGS.en, code);
}

/** The code's text filled with its params; the English message for a code this build does not know (a newer server's). */
export function policyProblemText(locale: Locale, problem: TranslatableProblem): string {
  const { code, params } = problem;
  return code !== undefined && isPolicyProblemCode(code) ? translateFrom(POLICY_PROBLEM_STRINGS, locale, code, params) : problem.message;
}
