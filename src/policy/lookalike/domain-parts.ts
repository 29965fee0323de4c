import { toUnicodeDomain } from '../domain.js';
import { codePointsOf } from './edit-distance.js';
import { parseHostname } from './public-suffix.js';
import { skeleton } from './skeleton.js';

/** A domain split around its registrable label, in the forms the comparisons need, computed once. */
export interface DomainParts {
  readonly ascii: string;
  readonly asciiLabels: readonly string[];
  readonly unicodeLabels: readonly string[];
  /** Skeleton of each Unicode label. */
  readonly labelSkeletons: readonly string[];
  /** `example.co.jp` for `mail.example.co.jp`. */
  readonly registrable: string;
  /** `example-co-jp`: how the registrable domain is spelled inside another label. */
  readonly hyphenatedRegistrable: string;
  /** `co.jp` for `mail.example.co.jp`. */
  readonly suffix: string;
  /** Position of the registrable label (`example`) in the label lists. */
  readonly labelIndex: number;
  readonly label: string;
  readonly unicodeLabel: string;
  readonly labelSkeleton: string;
  /** Skeletons of the hyphen-separated words of the registrable label (`login`, `example`). */
  readonly wordSkeletons: readonly string[];
  readonly unicodeLabelCodePoints: readonly number[];
  readonly labelSkeletonCodePoints: readonly number[];
}

/** Parts of an ASCII domain, or null when it has no registrable domain (an IP, a bare suffix). */
export function domainParts(ascii: string): DomainParts | null {
  // Private suffixes (github.io, blogspot.com) count: each name under them has a different owner, so
  // `example.github.io` is not `example.co.jp` and may imitate it.
  const parsed = parseHostname(ascii, true);
  if (parsed === null) return null;
  const { domain, publicSuffix, domainWithoutSuffix } = parsed;
  if (!domain || !publicSuffix || !domainWithoutSuffix || domainWithoutSuffix.includes('.')) return null;
  const asciiLabels = ascii.split('.');
  const labelIndex = asciiLabels.length - publicSuffix.split('.').length - 1;
  if (labelIndex < 0 || asciiLabels[labelIndex] !== domainWithoutSuffix) return null;
  // Label by label, so that a label whose punycode decodes to a dot cannot shift the others; the domain is
  // toAsciiDomain's (lower-case letters, digits, hyphens), so only an `xn--` label has another form.
  const unicodeLabels = asciiLabels.map((label) => (label.startsWith('xn--') ? toUnicodeDomain(label) : label));
  const labelSkeletons = unicodeLabels.map(skeleton);
  const unicodeLabel = unicodeLabels[labelIndex] ?? domainWithoutSuffix;
  const labelSkeleton = labelSkeletons[labelIndex] ?? domainWithoutSuffix;
  return {
    ascii,
    asciiLabels,
    unicodeLabels,
    labelSkeletons,
    registrable: domain,
    hyphenatedRegistrable: domain.split('.').join('-'),
    suffix: publicSuffix,
    labelIndex,
    label: domainWithoutSuffix,
    unicodeLabel,
    labelSkeleton,
    wordSkeletons: unicodeLabel.split('-').map(skeleton),
    unicodeLabelCodePoints: codePointsOf(unicodeLabel),
    labelSkeletonCodePoints: codePointsOf(labelSkeleton),
  };
}

/** True when `labels`, joined, is a suffix from the ICANN section of the Public Suffix List (`co.jp`, `com`). */
export function isIcannSuffix(labels: readonly string[]): boolean {
  if (labels.length === 0) return false;
  const candidate = labels.join('.');
  const parsed = parseHostname(`x.${candidate}`, false);
  return parsed !== null && parsed.isIcann && parsed.publicSuffix === candidate;
}
