import { isListType } from '../mailing-lists.js';
import type { Finding } from '../types.js';
import { makeFinding, recipientLabel, recipientTarget, type Rule } from './rule.js';

/**
 * Lists named by the policy (classify.ts matches them, per domain: src/policy/mailing-lists.ts), and
 * whatever Outlook types as `distributionList` or `other`: clients disagree on those (a dynamic list is
 * `other` on desktop), so both mean "list or unknown". https://github.com/OfficeDev/office-js/issues/3249
 */
export const mailingListRule: Rule = ({ policy, recipients }) => {
  const findings: Finding[] = [];
  for (const entry of recipients) {
    const listed = entry.list;
    if (listed === null && !isListType(entry.recipient)) continue;
    findings.push(
      makeFinding(
        'mailing-list',
        `${entry.field}:${entry.key}`,
        policy.severities['mailing-list'],
        [recipientTarget(entry)],
        listed === null ? 'finding.mailing-list.type' : 'finding.mailing-list',
        { address: recipientLabel(entry), pattern: listed?.written ?? '', type: entry.recipient.type ?? '' },
      ),
    );
  }
  return findings;
};
