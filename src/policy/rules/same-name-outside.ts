import type { ClassifiedRecipient } from '../classify.js';
import { normalizeAddress } from '../domain.js';
import { scriptOf } from '../lookalike/scripts.js';
import { keptPer, remembered } from '../remembered.js';
import type { Finding } from '../types.js';
import { addressesInName } from './display-name-spoof.js';
import { makeFinding, recipientTarget, type Rule } from './rule.js';

// Quotes and commas come from directory forms such as `"Sato, Hanako"`; 、 is the Japanese comma.
const NAME_SEPARATORS = /[\s,、"']+/;
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

function isCjk(char: string): boolean {
  const script = scriptOf(char.codePointAt(0) ?? 0);
  return script === 'Han' || script === 'Hiragana' || script === 'Katakana' || script === 'Hangul';
}

/**
 * What two display names must share to count as the same person, or null for a name too thin to compare.
 * Japanese and Chinese names are written family name first with or without a space, so their spaces are
 * dropped and order kept; names in Latin letters come in either order (`Sato Hanako`, `Hanako Sato`,
 * `Sato, Hanako`), so their words are sorted. One Latin word (`Support`, `Hanako`) is too common to mean
 * one person, and a name holding an address is display-name-spoof's to judge. Remembered: the same
 * colleagues and contacts are on message after message.
 */
export const personNameKey: (name: string) => string | null = remembered(nameKey, 8192);

function nameKey(name: string): string | null {
  const text = name.normalize('NFKC').toLowerCase();
  // NFKC has made ＠ an @: without one, no address can be in the name.
  if (text.includes('@') && addressesInName(text).length > 0) return null;
  const words = text.split(NAME_SEPARATORS).filter((word) => word !== '');
  if (!ASCII_ONLY.test(text) && [...text].some(isCjk)) {
    const joined = words.join('');
    return [...joined].length >= 2 ? joined : null;
  }
  return words.length >= 2 ? words.sort().join(' ') : null;
}

/**
 * Each recipient's person key, in order; kept per list of entries, which classify.ts gives again for the
 * same recipients, so the pane's re-evaluation does not look up a thousand names again.
 */
const personKeys = keptPer((recipients: readonly ClassifiedRecipient[]): readonly (string | null)[] =>
  recipients.map((entry) => personNameKey(entry.recipient.name ?? '')),
);

/** An outside address carrying the name of the sender or of an internal recipient of the same message. */
export const sameNameOutsideRule: Rule = ({ snapshot, policy, recipients }) => {
  const senderKey = personNameKey(snapshot.from?.name ?? '');
  const senderAddress = snapshot.from === undefined ? null : normalizeAddress(snapshot.from.address);
  const keys = personKeys(recipients);
  const colleagues = new Map<string, string>();
  for (let index = 0; index < recipients.length; index += 1) {
    const entry = recipients[index] as ClassifiedRecipient;
    const key = entry.internal ? (keys[index] ?? null) : null;
    if (key !== null && !colleagues.has(key)) colleagues.set(key, entry.recipient.address);
  }
  // Nobody inside to imitate: no outside name needs a key.
  if (senderKey === null && colleagues.size === 0) return [];
  const findings: Finding[] = [];
  for (let index = 0; index < recipients.length; index += 1) {
    const entry = recipients[index] as ClassifiedRecipient;
    // Without a domain the recipient is unresolved-recipient's; the sender's own address is no stranger;
    // a list at an internal address that reaches outside is still an internal address.
    if (entry.internal || entry.domain === null || entry.normalized === senderAddress) continue;
    const key = keys[index] ?? null;
    if (key === null) continue;
    const own = key === senderKey;
    const colleague = colleagues.get(key);
    if (!own && colleague === undefined) continue;
    const params = { name: entry.recipient.name ?? '', address: entry.recipient.address };
    findings.push(
      makeFinding(
        'same-name-outside',
        `${entry.field}:${entry.key}`,
        policy.severities['same-name-outside'],
        [recipientTarget(entry)],
        own ? 'finding.same-name-outside.sender' : 'finding.same-name-outside',
        own ? params : { ...params, colleague: colleague ?? '' },
      ),
    );
  }
  return findings;
};
