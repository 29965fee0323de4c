// Placeholder until look-alike detection lands (issue 2). Contract below is what rules/lookalike-domain.ts uses.

export interface KnownDomain {
  /** Lower-case ASCII (punycode) form. */
  readonly domain: string;
  readonly source: 'internal' | 'trusted';
}

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
  /** Index of the character in the Unicode form of the domain. */
  readonly index: number;
}

export interface LookalikeMatch {
  /** The known domain it imitates. */
  readonly imitates: string;
  readonly imitatesSource: KnownDomain['source'];
  readonly reasons: readonly LookalikeReason[];
  /** The recipient domain in ASCII (punycode) and Unicode forms. */
  readonly ascii: string;
  readonly unicode: string;
  readonly suspiciousCharacters: readonly SuspiciousCharacter[];
}

/** A match when `domainAscii` imitates one of `known` without being (within) it; null otherwise. */
export function detectLookalike(_domainAscii: string, _known: readonly KnownDomain[]): LookalikeMatch | null {
  return null;
}
