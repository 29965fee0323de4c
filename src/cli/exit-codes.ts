import type { Decision } from '../policy/index.js';

/** sysexits.h numbers for the errors, so shell scripts can tell "blocked" from "could not check". */
export const EXIT_CODES = {
  allow: 0,
  confirm: 1,
  block: 2,
  usage: 64,
  unreadableInput: 65,
  internalError: 70,
  cannotWrite: 73,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const DECISION_RANK: ReadonlyMap<Decision, number> = new Map([
  ['allow', 0],
  ['confirm', 1],
  ['block', 2],
]);

/**
 * The worst decision wins; any unreadable message wins over every decision, because an unchecked message
 * must not pass as "allow" in a script that only looks at the exit code.
 */
export function checkExitCode(decisions: readonly Decision[], unreadable: number): ExitCode {
  if (unreadable > 0) return EXIT_CODES.unreadableInput;
  const worst = decisions.reduce<Decision>(
    (current, next) => ((DECISION_RANK.get(next) ?? 0) > (DECISION_RANK.get(current) ?? 0) ? next : current),
    'allow',
  );
  return EXIT_CODES[worst];
}
