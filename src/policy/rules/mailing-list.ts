import { compileAddressPattern } from '../address-pattern.js';
import type { Finding } from '../types.js';
import { makeFinding, recipientLabel, recipientTarget, type Rule } from './rule.js';

/**
 * Lists named by the policy, and whatever Outlook types as `distributionList` or `other`: clients
 * disagree on those (a dynamic list is `other` on desktop), so both mean "list or unknown".
 * https://github.com/OfficeDev/office-js/issues/3249
 */
export const mailingListRule: Rule = ({ policy, recipients }) => {
  const patterns = policy.mailingLists.map((pattern) => ({ pattern, matches: compileAddressPattern(pattern) }));
  const findings: Finding[] = [];
  for (const entry of recipients) {
    const normalized = entry.normalized;
    const listed = normalized === null ? undefined : patterns.find((candidate) => candidate.matches(normalized));
    const type = entry.recipient.type;
    if (listed === undefined && type !== 'distributionList' && type !== 'other') continue;
    findings.push(
      makeFinding(
        'mailing-list',
        `${entry.field}:${entry.key}`,
        policy.severities['mailing-list'],
        [recipientTarget(entry)],
        listed === undefined ? 'finding.mailing-list.type' : 'finding.mailing-list',
        { address: recipientLabel(entry), pattern: listed?.pattern ?? '', type: type ?? '' },
      ),
    );
  }
  return findings;
};
