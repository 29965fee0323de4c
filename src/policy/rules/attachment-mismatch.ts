import { attachmentKey } from '../attachment-key.js';
import { isWithinAny } from '../domain.js';
import { outsideDomainsOf } from '../classify.js';
import { foldText } from '../text.js';
import type { Finding, FindingKey, FindingTarget, Partner } from '../types.js';
import { attachmentTarget } from './inspected-attachments.js';
import { makeFinding, type Rule, type RuleInput } from './rule.js';

const ASCII_WORD = /^[a-z0-9]+$/;
const ASCII_WORD_CHARACTER = /[a-z0-9]/;

/** Folded names of a partner; an ASCII word must stand alone (`ABC` is not in `ABCD`). */
function mentions(folded: string, partner: Partner): boolean {
  for (const name of [partner.name, ...partner.aliases]) {
    const term = foldText(name);
    if (!ASCII_WORD.test(term)) {
      if (folded.includes(term)) return true;
      continue;
    }
    let at = folded.indexOf(term);
    while (at >= 0) {
      const before = folded.charAt(at - 1);
      const after = folded.charAt(at + term.length);
      if (!ASCII_WORD_CHARACTER.test(before) && !ASCII_WORD_CHARACTER.test(after)) return true;
      at = folded.indexOf(term, at + 1);
    }
  }
  return false;
}

interface Place {
  readonly key: string;
  readonly messageKey: FindingKey;
  readonly target: FindingTarget;
  readonly text: string;
  readonly name: string;
}

function placesOf(input: RuleInput): Place[] {
  const { snapshot } = input;
  const places: Place[] = (['subject', 'body'] as const).map((part) => ({
    key: part,
    messageKey: `finding.attachment-mismatch.${part}`,
    target: { kind: 'message', part },
    text: snapshot[part],
    name: '',
  }));
  const seen = new Set<string>();
  for (const attachment of snapshot.attachments) {
    const key = attachmentKey(attachment);
    if (attachment.inline || seen.has(key)) continue;
    seen.add(key);
    places.push({
      key: `attachment:${key}`,
      messageKey: 'finding.attachment-mismatch.attachment-name',
      target: attachmentTarget(attachment),
      text: attachment.name,
      name: attachment.name,
    });
  }
  return places;
}

/**
 * The subject, body or an attachment name names a partner while every external recipient belongs to
 * other partners: the classic mis-send of B社's quote to A社. A place that also names a recipient's partner
 * is left alone (a thread quoting the recipient's signature, a comparison of both).
 */
export const attachmentMismatchRule: Rule = (input) => {
  const { policy, recipients } = input;
  if (policy.partners.length === 0) return [];
  const external = recipients.filter((entry) => entry.external);
  if (external.length === 0) return [];
  const receiving = new Set<Partner>();
  for (const entry of external) {
    // A list that reaches outside belongs to the partners of the domains it reaches, not of its own.
    const domains = outsideDomainsOf(entry);
    const owners = policy.partners.filter((partner) => domains.some((domain) => isWithinAny(domain, partner.domains)));
    if (owners.length === 0) return [];
    for (const owner of owners) receiving.add(owner);
  }
  const findings: Finding[] = [];
  for (const place of placesOf(input)) {
    const folded = foldText(place.text);
    const named = policy.partners.filter((partner) => mentions(folded, partner));
    if (named.length === 0 || named.some((partner) => receiving.has(partner))) continue;
    findings.push(
      makeFinding('attachment-mismatch', place.key, policy.severities['attachment-mismatch'], [place.target], place.messageKey, {
        partner: named.map((partner) => partner.name).join(', '),
        recipients: [...receiving].map((partner) => partner.name).join(', '),
        name: place.name,
      }),
    );
  }
  return findings;
};
