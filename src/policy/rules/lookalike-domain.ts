import { toUnicodeDomain } from '../domain.js';
import { recipientListOf } from '../recipient-list/policy-list.js';
import { keptPer, remembered } from '../remembered.js';
import { createLookalikeDetector, type KnownDomain, type LookalikeMatch, type SuspiciousCharacter } from '../lookalike.js';
import type { Finding, MessageParams, Policy } from '../types.js';
import { externalByDomain, makeFinding, type Rule, targetsOf } from './rule.js';

/** `а U+0430 Cyrillic`: what the pane and the message show for each character that is not what it seems. */
export function describeCharacter(character: Pick<SuspiciousCharacter, 'char' | 'codePoint' | 'script'>): string {
  return `${character.char} ${character.codePoint} ${character.script}`;
}

/** The first character that is not what it seems, for texts with room for one (the Smart Alerts dialog). */
function firstCharacter(characters: readonly SuspiciousCharacter[]): Record<string, string> {
  const first = characters[0];
  return first === undefined ? {} : { char: first.char, codePoint: first.codePoint, script: first.script };
}

const DESCRIBED_CHARACTER = /(\S+) (U\+[0-9A-F]{4,6}) ([A-Za-z]+)/g;

/**
 * A finding's params with each script name in `characters` replaced by `nameOf(script)`. The finding keeps
 * Unicode's English names, as its JSON and fingerprint must not depend on a language; renderers localise.
 */
export function withScriptNames(params: MessageParams, nameOf: (script: string) => string): MessageParams {
  const characters = params['characters'];
  if (typeof characters !== 'string') return params;
  const renamed = characters.replace(DESCRIBED_CHARACTER, (_whole, char: string, codePoint: string, script: string) =>
    describeCharacter({ char, codePoint, script: nameOf(script) }),
  );
  return { ...params, characters: renamed };
}

type Detector = (domainAscii: string) => LookalikeMatch | null;

/**
 * What look-alikes are measured against: the internal and trusted entries written as a domain
 * (`example.com`, `@example.com`); addresses, patterns and exclusions name no domain to imitate.
 */
export function lookalikeReferences(policy: Policy): KnownDomain[] {
  return [
    ...recipientListOf(policy.internalDomains).domains.map((domain) => ({ domain, source: 'internal' as const })),
    ...recipientListOf(policy.trustedDomains).domains.map((domain) => ({ domain, source: 'trusted' as const })),
  ];
}

/**
 * One detector per policy, kept while the policy is: parsing the known domains is most of a check, and
 * the pane evaluates the same policy again at every change. Answers are remembered per domain.
 */
const detectorFor = keptPer((policy: Policy): Detector | null => {
  const known = lookalikeReferences(policy);
  return known.length === 0 ? null : remembered(createLookalikeDetector(known), 4096);
});

/** External domains outside the trusted list that imitate an internal or trusted domain. */
export const lookalikeDomainRule: Rule = ({ policy, recipients }) => {
  const detect = detectorFor(policy);
  if (detect === null) return [];
  const findings: Finding[] = [];
  for (const [domain, members] of externalByDomain(recipients)) {
    // A domain the policy trusts for any of its addresses is one the organisation knows, not an imitation.
    if (members.some((member) => member.trusted)) continue;
    const match = detect(domain);
    if (match === null) continue;
    const idn = match.unicode !== match.ascii;
    findings.push(
      makeFinding(
        'lookalike-domain',
        domain,
        policy.severities['lookalike-domain'],
        targetsOf(members),
        idn ? 'finding.lookalike-domain.idn' : 'finding.lookalike-domain',
        {
          domain: match.unicode,
          ascii: match.ascii,
          unicode: match.unicode,
          imitates: toUnicodeDomain(match.imitates),
          imitatesSource: match.imitatesSource,
          reasons: match.reasons.join(','),
          characters: match.suspiciousCharacters.map(describeCharacter).join(', '),
          ...firstCharacter(match.suspiciousCharacters),
        },
      ),
    );
  }
  return findings;
};
