import { toAsciiDomain } from './domain.js';
import { differingCharacters, nonAsciiCharacters, scriptReasons } from './lookalike/characters.js';
import { comparePair, type PairMatch } from './lookalike/compare.js';
import { domainParts, type DomainParts } from './lookalike/domain-parts.js';

export interface KnownDomain {
  /** Lower-case ASCII (punycode) form. */
  readonly domain: string;
  readonly source: 'internal' | 'trusted';
}

/**
 * - `punycode`: a label is IDN (`xn--`).
 * - `mixed-script`: a label mixes scripts no writing system mixes (Latin with Cyrillic).
 * - `whole-script-confusable`: a label is all Cyrillic, Greek, Armenian or Cherokee yet reads as Latin.
 * - `confusable-skeleton`: the registrable label looks the same as the known one (UTS #39 skeleton).
 * - `edit-distance`: the registrable label is a typo away from the known one and does not look the same.
 * - `suffix-swap`: the same (or same-looking) label under another public suffix.
 * - `embedded-known-domain`: the known domain or label written into a foreign domain.
 */
export type LookalikeReason =
  | 'punycode'
  | 'mixed-script'
  | 'whole-script-confusable'
  | 'confusable-skeleton'
  | 'edit-distance'
  | 'suffix-swap'
  | 'embedded-known-domain';

export interface SuspiciousCharacter {
  readonly char: string;
  /** `U+0430` */
  readonly codePoint: string;
  /** Unicode script name, e.g. `Cyrillic`. */
  readonly script: string;
  /**
   * Index of the character in the Unicode form of the domain, in UTF-16 units:
   * `unicode.slice(index, index + char.length) === char`.
   */
  readonly index: number;
}

export interface LookalikeMatch {
  /** The known domain it imitates. */
  readonly imitates: string;
  readonly imitatesSource: KnownDomain['source'];
  /** In the order of `LookalikeReason`. */
  readonly reasons: readonly LookalikeReason[];
  /** The recipient domain in ASCII (punycode) and Unicode forms. */
  readonly ascii: string;
  readonly unicode: string;
  /** Sorted by index. */
  readonly suspiciousCharacters: readonly SuspiciousCharacter[];
}

const REASON_ORDER: readonly LookalikeReason[] = [
  'punycode',
  'mixed-script',
  'whole-script-confusable',
  'confusable-skeleton',
  'edit-distance',
  'suffix-swap',
  'embedded-known-domain',
];

interface KnownEntry {
  readonly known: KnownDomain;
  readonly parts: DomainParts;
}

interface Candidate extends KnownEntry {
  readonly match: PairMatch;
}

function isBetter(candidate: Candidate, best: Candidate | null): boolean {
  if (best === null || candidate.match.strength > best.match.strength) return true;
  return candidate.match.strength === best.match.strength && candidate.known.source === 'internal' && best.known.source !== 'internal';
}

function suspiciousCharacters(recipient: DomainParts, best: Candidate): SuspiciousCharacter[] {
  const byIndex = new Map<number, SuspiciousCharacter>();
  for (const flag of nonAsciiCharacters(recipient.unicodeLabels.join('.'))) byIndex.set(flag.index, flag);
  const { reasons } = best.match;
  if (reasons.includes('confusable-skeleton') || reasons.includes('edit-distance')) {
    for (const flag of differingCharacters(recipient, best.parts.unicodeLabel)) byIndex.set(flag.index, flag);
  }
  return [...byIndex.values()].sort((left, right) => left.index - right.index);
}

/** True when `ascii` is one of `domains` or under one of them. */
function isWithinSet(ascii: string, domains: ReadonlySet<string>): boolean {
  const labels = ascii.split('.');
  return labels.some((_, start) => domains.has(labels.slice(start).join('.')));
}

/**
 * `detectLookalike` for many recipients against the same known domains: the known domains are
 * parsed once, not once per recipient.
 */
export function createLookalikeDetector(known: readonly KnownDomain[]): (domainAscii: string) => LookalikeMatch | null {
  const knownDomains = new Set<string>();
  const knownRegistrables = new Set<string>();
  const entries: KnownEntry[] = [];
  for (const { domain, source } of known) {
    const ascii = toAsciiDomain(domain);
    if (ascii === null) continue;
    knownDomains.add(ascii);
    const parts = domainParts(ascii);
    if (parts === null) continue;
    knownRegistrables.add(parts.registrable);
    entries.push({ known: { domain: ascii, source }, parts });
  }
  return (domainAscii) => {
    const ascii = toAsciiDomain(domainAscii);
    if (ascii === null || isWithinSet(ascii, knownDomains)) return null;
    const recipient = domainParts(ascii);
    if (recipient === null || knownRegistrables.has(recipient.registrable)) return null;
    let best: Candidate | null = null;
    for (const entry of entries) {
      const match = comparePair(recipient, entry.parts);
      if (match === null) continue;
      const candidate = { ...entry, match };
      if (isBetter(candidate, best)) best = candidate;
    }
    if (best === null) return null;
    const found = new Set<LookalikeReason>([...scriptReasons(recipient), ...best.match.reasons]);
    return {
      imitates: best.known.domain,
      imitatesSource: best.known.source,
      reasons: REASON_ORDER.filter((reason) => found.has(reason)),
      ascii,
      unicode: recipient.unicodeLabels.join('.'),
      suspiciousCharacters: suspiciousCharacters(recipient, best),
    };
  };
}

/**
 * A match when `domainAscii` imitates one of `known` without being (within) it; null otherwise.
 * A domain whose registrable domain is that of a known domain (`other.example.co.jp` when
 * `mail.example.co.jp` is known) belongs to the same owner and is never a look-alike. IDN domains
 * that resemble no known domain are null too: this says what is imitated, not what is foreign.
 */
export function detectLookalike(domainAscii: string, known: readonly KnownDomain[]): LookalikeMatch | null {
  return createLookalikeDetector(known)(domainAscii);
}
