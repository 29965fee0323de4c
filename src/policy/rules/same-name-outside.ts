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

/** Who in a recipient list could be taken for whom, by display name alone; the sender comes per message. */
interface NamesAtStake {
  /** Each recipient's person key, in order. */
  readonly keys: readonly (string | null)[];
  /** The first internal recipient's address per person key. */
  readonly colleagues: ReadonlyMap<string, string>;
  /** Indexes of the outside recipients with a domain, by person key. */
  readonly outsideByKey: ReadonlyMap<string, readonly number[]>;
  /** Indexes of the outside recipients named like a colleague, in order. */
  readonly likeColleagues: readonly number[];
}

/**
 * Worked out once per list of entries, which classify.ts gives again for the same recipients, so the
 * pane's re-evaluation does not compare a thousand names again (docs/benchmarks.md "Policy evaluate").
 */
const namesAtStake = keptPer((recipients: readonly ClassifiedRecipient[]): NamesAtStake => {
  const keys = recipients.map((entry) => personNameKey(entry.recipient.name ?? ''));
  const colleagues = new Map<string, string>();
  const outsideByKey = new Map<string, number[]>();
  recipients.forEach((entry, index) => {
    const key = keys[index] ?? null;
    if (key === null) return;
    if (entry.internal) {
      if (!colleagues.has(key)) colleagues.set(key, entry.recipient.address);
      return;
    }
    // Without a domain the recipient is unresolved-recipient's; a list at an internal address that
    // reaches outside is still an internal address.
    if (entry.domain === null) return;
    const indexes = outsideByKey.get(key);
    if (indexes === undefined) outsideByKey.set(key, [index]);
    else indexes.push(index);
  });
  const likeColleagues: number[] = [];
  for (const [key, indexes] of outsideByKey) if (colleagues.has(key)) likeColleagues.push(...indexes);
  return { keys, colleagues, outsideByKey, likeColleagues: likeColleagues.sort((left, right) => left - right) };
});

/** An outside address carrying the name of the sender or of an internal recipient of the same message. */
export const sameNameOutsideRule: Rule = ({ snapshot, policy, recipients }) => {
  const senderKey = personNameKey(snapshot.from?.name ?? '');
  const { keys, colleagues, outsideByKey, likeColleagues } = namesAtStake(recipients);
  const likeSender = senderKey === null ? [] : (outsideByKey.get(senderKey) ?? []);
  if (likeSender.length === 0 && likeColleagues.length === 0) return [];
  const senderAddress = snapshot.from === undefined ? null : normalizeAddress(snapshot.from.address);
  const indexes = [...new Set([...likeSender, ...likeColleagues])].sort((left, right) => left - right);
  const findings: Finding[] = [];
  for (const index of indexes) {
    const entry = recipients[index] as ClassifiedRecipient;
    // The sender's own address is no stranger.
    if (entry.normalized === senderAddress) continue;
    const key = keys[index] ?? '';
    const own = key === senderKey;
    const params = { name: entry.recipient.name ?? '', address: entry.recipient.address };
    findings.push(
      makeFinding(
        'same-name-outside',
        `${entry.field}:${entry.key}`,
        policy.severities['same-name-outside'],
        [recipientTarget(entry)],
        own ? 'finding.same-name-outside.sender' : 'finding.same-name-outside',
        own ? params : { ...params, colleague: colleagues.get(key) ?? '' },
      ),
    );
  }
  return findings;
};
