import { normalAddress, normalizeAddress } from '../domain.js';
import { recipientListOf } from '../recipient-list/policy-list.js';
import type { ClassifiedRecipient } from '../classify.js';
import type { Finding, Policy } from '../types.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

// NFKC has already turned full-width ＠ and brackets into ASCII; CJK brackets and the comma stay delimiters.
const ADDRESS_LIKE = /[^\s<>()[\]{}"',;:\u3001\u3008-\u3011\u3014-\u301F]+@[^\s<>()[\]{}"',;:\u3001\u3008-\u3011\u3014-\u301F]+/g;
const SPACED_AT = /\s*@\s*/g;

// The characters NFKC turns into `@`: U+FF20 full-width and U+FE6B small commercial at.
const AT_SIGN = /[@\uFE6B\uFF20]/;

/** Address-shaped runs in a display name, normalised; `taro ＠ example.co.jp` counts. */
export function addressesInName(name: string): string[] {
  // Most names hold no at sign at all: no need to normalise them to find none.
  if (!AT_SIGN.test(name)) return [];
  const text = name.normalize('NFKC').replace(SPACED_AT, '@');
  const found: string[] = [];
  for (const candidate of text.match(ADDRESS_LIKE) ?? []) {
    const normalized = normalizeAddress(candidate);
    if (normalized !== null && !found.includes(normalized)) found.push(normalized);
  }
  return found;
}

function claimedAddress(entry: ClassifiedRecipient, policy: Policy, sender: string | null): string | undefined {
  const name = entry.recipient.name;
  if (name === undefined || name.trim() === '') return undefined;
  return addressesInName(name).find((address) => {
    if (address === entry.normalized) return false;
    return address === sender || recipientListOf(policy.internalDomains).firstMatch(normalAddress(address)) >= 0;
  });
}

/** An external address dressed up with an internal (or the sender's) address as its display name. */
export const displayNameSpoofRule: Rule = ({ snapshot, policy, recipients }) => {
  const sender = snapshot.from === undefined ? null : normalizeAddress(snapshot.from.address);
  const findings: Finding[] = [];
  for (const entry of recipients) {
    // An unresolved recipient often carries its address only as the name; unresolved-recipient covers it.
    // A list at an internal address that reaches outside is still an internal address.
    if (entry.internal || entry.domain === null) continue;
    const claimed = claimedAddress(entry, policy, sender);
    if (claimed === undefined) continue;
    findings.push(
      makeFinding(
        'display-name-spoof',
        `${entry.field}:${entry.key}`,
        policy.severities['display-name-spoof'],
        [recipientTarget(entry)],
        'finding.display-name-spoof',
        { name: entry.recipient.name ?? '', claimed, address: entry.recipient.address },
      ),
    );
  }
  return findings;
};
