import { APPROVAL_STRINGS } from './tables/approvals.js';
import { APPROVE_STRINGS } from './tables/approve.js';
import { ADMIN_STRINGS } from './tables/admin.js';
import { FINDING_STRINGS } from './tables/findings.js';
import { HANDLER_STRINGS } from './tables/handler.js';
import { PANE_STRINGS } from './tables/pane.js';
import { PLAYGROUND_STRINGS } from './tables/playground.js';
import { CLI_STRINGS } from './tables/cli.js';
import { CLI_IMPORT_STRINGS } from './tables/cli-import.js';
import { LINK_STRINGS } from './tables/links.js';
import { SCRIPT_STRINGS } from './tables/scripts.js';
import { POLICY_PROBLEM_STRINGS } from './tables/policy-problems.js';

/** Each area keeps its own table; a Japanese table must have exactly the English keys (checked by the compiler). */
export const STRINGS = {
  en: {
    ...FINDING_STRINGS.en,
    ...HANDLER_STRINGS.en,
    ...PANE_STRINGS.en,
    ...PLAYGROUND_STRINGS.en,
    ...CLI_STRINGS.en,
    ...CLI_IMPORT_STRINGS.en,
    ...LINK_STRINGS.en,
    ...SCRIPT_STRINGS.en,
    ...APPROVAL_STRINGS.en,
    ...APPROVE_STRINGS.en,
    ...ADMIN_STRINGS.en,
    ...POLICY_PROBLEM_STRINGS.en,
  },
  ja: {
    ...FINDING_STRINGS.ja,
    ...HANDLER_STRINGS.ja,
    ...PANE_STRINGS.ja,
    ...PLAYGROUND_STRINGS.ja,
    ...CLI_STRINGS.ja,
    ...CLI_IMPORT_STRINGS.ja,
    ...LINK_STRINGS.ja,
    ...SCRIPT_STRINGS.ja,
    ...APPROVAL_STRINGS.ja,
    ...APPROVE_STRINGS.ja,
    ...ADMIN_STRINGS.ja,
    ...POLICY_PROBLEM_STRINGS.ja,
  },
} as const;

export type StringKey = keyof typeof STRINGS.en;

/** For keys built from data (a rule id, a server's code): whether the tables have one. */
export function isStringKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(STRINGS.en, key);
}
