// Plain-words material for a suspicious domain: both written forms, what it imitates, and every
// character that is not what it seems (code point and script), so the user can see the trick.
import {
  detectLookalike,
  domainOfAddress,
  lookalikeReferences,
  toAsciiDomain,
  toUnicodeDomain,
  type Finding,
  type KnownDomain,
  type LookalikeReason,
  type Policy,
  type SuspiciousCharacter,
} from '../policy/index.js';

export interface DomainExplanation {
  readonly ascii: string;
  readonly unicode: string;
  /** Unicode form of the domain it imitates; null when unknown. */
  readonly imitates: string | null;
  readonly imitatesSource: KnownDomain['source'] | null;
  readonly reasons: readonly LookalikeReason[];
  readonly suspiciousCharacters: readonly SuspiciousCharacter[];
}

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Hebrew',
  'Arabic',
  'Thai',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
  'Inherited',
  'Common',
].map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, 'u') }));

function scriptOf(char: string): string {
  return SCRIPTS.find((script) => script.pattern.test(char))?.name ?? 'Unknown';
}

export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every non-ASCII character of the Unicode form; used when the detector gives no list. */
export function nonAsciiCharacters(unicode: string): SuspiciousCharacter[] {
  const found: SuspiciousCharacter[] = [];
  let index = 0;
  for (const char of unicode) {
    if ((char.codePointAt(0) ?? 0) > 0x7f) {
      found.push({ char, codePoint: codePointLabel(char), script: scriptOf(char), index });
    }
    index += char.length;
  }
  return found;
}

function findingDomains(finding: Finding): string[] {
  const domains: string[] = [];
  for (const target of finding.targets) {
    const domain =
      target.kind === 'domain' ? toAsciiDomain(target.domain) : target.kind === 'recipient' ? domainOfAddress(target.address) : null;
    if (domain !== null && !domains.includes(domain)) domains.push(domain);
  }
  return domains;
}

function paramText(finding: Finding, name: string): string | null {
  const value = finding.params[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function explainDomain(ascii: string, policy: Policy, finding: Finding): DomainExplanation | null {
  const match = detectLookalike(ascii, lookalikeReferences(policy));
  const unicode = match?.unicode ?? toUnicodeDomain(ascii);
  const suspiciousCharacters =
    match !== null && match.suspiciousCharacters.length > 0 ? match.suspiciousCharacters : nonAsciiCharacters(unicode);
  const imitated = match?.imitates ?? paramText(finding, 'imitates');
  const isLookalike = finding.rule === 'lookalike-domain';
  if (!isLookalike && match === null && unicode === ascii) return null;
  return {
    ascii,
    unicode,
    imitates: imitated === null ? null : toUnicodeDomain(imitated),
    imitatesSource: match?.imitatesSource ?? null,
    reasons: match?.reasons ?? (unicode === ascii ? [] : ['punycode']),
    suspiciousCharacters,
  };
}

/**
 * Explanations for the domains a finding is about: always for a look-alike finding, and for a blocking
 * finding when its domain is written with non-ASCII letters or imitates a known domain. Other findings
 * leave their domain to those.
 */
export function explainFindingDomains(finding: Finding, policy: Policy): DomainExplanation[] {
  if (finding.rule !== 'lookalike-domain' && finding.severity !== 'block') return [];
  return findingDomains(finding).flatMap((domain) => explainDomain(domain, policy, finding) ?? []);
}
