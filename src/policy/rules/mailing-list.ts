import { compileAddressPattern } from '../address-pattern.js';
import { remembered } from '../remembered.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientLabel, recipientTarget, type Rule } from './rule.js';

interface ListPattern {
  readonly pattern: string;
  readonly matches: (normalizedAddress: string) => boolean;
}

/**
 * The policy's patterns that can match an address of a domain: a pattern's domain part must match the
 * domain (after the last `@`, which no `*` can cross). Compiled once per policy and remembered per domain,
 * so most recipients, whose domain no pattern names, are not matched at all.
 */
const patternsByDomain = new WeakMap<Policy, (domain: string) => readonly ListPattern[]>();

function patternsFor(policy: Policy): (domain: string) => readonly ListPattern[] {
  let known = patternsByDomain.get(policy);
  if (known === undefined) {
    const patterns = policy.mailingLists.map((pattern) => ({
      pattern,
      matches: compileAddressPattern(pattern),
      domainMatches: compileAddressPattern(pattern.slice(pattern.lastIndexOf('@') + 1)),
    }));
    known = remembered((domain: string) => patterns.filter((candidate) => candidate.domainMatches(domain)), 4096);
    patternsByDomain.set(policy, known);
  }
  return known;
}

/**
 * Lists named by the policy, and whatever Outlook types as `distributionList` or `other`: clients
 * disagree on those (a dynamic list is `other` on desktop), so both mean "list or unknown".
 * https://github.com/OfficeDev/office-js/issues/3249
 */
export const mailingListRule: Rule = ({ policy, recipients }) => {
  const patternsOf = patternsFor(policy);
  const findings: Finding[] = [];
  for (const entry of recipients) {
    const normalized = entry.normalized;
    const listed =
      normalized === null || entry.domain === null
        ? undefined
        : patternsOf(entry.domain).find((candidate) => candidate.matches(normalized));
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
