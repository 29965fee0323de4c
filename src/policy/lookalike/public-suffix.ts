import { inflateText } from './inflate.js';
import { EXCEPTIONS, RULES, RULES_DIGITS } from './public-suffix-data.js';

// The Public Suffix List algorithm (https://publicsuffix.org/list/) as tldts applies it
// (https://github.com/remusao/tldts), for hostnames of letters, digits and hyphens only: the packed
// rules (scripts/public-suffixes.js) keep only what such a hostname can meet, and
// test/policy/lookalike/public-suffix.test.ts holds the answers to tldts' own.

/** Which section of the list a rule is in, as bits: 0 for a label that is only on the way to rules. */
type Section = 0 | 1 | 2;
const NONE = 0;
const ICANN = 1;
const PRIVATE = 2;

interface SuffixNode {
  readonly section: Section;
  /** Null for the ten thousand rules with none under them. */
  children: Map<string, SuffixNode> | null;
}

export interface SuffixParse {
  /** `co.jp` for `mail.example.co.jp`. */
  readonly publicSuffix: string;
  /** `example.co.jp`, or null when the hostname is a public suffix itself. */
  readonly domain: string | null;
  /** `example`, or null with `domain`. */
  readonly domainWithoutSuffix: string | null;
  /** True when the suffix comes from the ICANN section of the list. */
  readonly isIcann: boolean;
}

const MARKS = ',+([{)';
const MARK_SECTIONS: readonly Section[] = [ICANN, PRIVATE, NONE, ICANN, PRIVATE];
const CLOSE = 5;
const FIRST_OPEN = 2;

function unpack(packed: string): SuffixNode {
  const root: SuffixNode = { section: NONE, children: null };
  const path = [root];
  let labelStart = 0;
  for (let i = 0; i < packed.length; i += 1) {
    const mark = MARKS.indexOf(packed.charAt(i));
    if (mark < 0) continue;
    if (mark === CLOSE) {
      path.pop();
    } else {
      const node: SuffixNode = { section: MARK_SECTIONS[mark] ?? NONE, children: null };
      const parent = path[path.length - 1];
      if (parent !== undefined) {
        if (parent.children === null) parent.children = new Map();
        parent.children.set(packed.slice(labelStart, i), node);
      }
      if (mark >= FIRST_OPEN) path.push(node);
    }
    labelStart = i + 1;
  }
  return root;
}

// Unpacked on first use rather than at load, so that a send that compares no domain does not pay for it.
let tries: { readonly rules: SuffixNode; readonly exceptions: SuffixNode } | null = null;

interface Match {
  /** Index of the left-most label of the rule. */
  readonly index: number;
  readonly section: Section;
}

/** The longest rule of `sections` that `labels` match. Like tldts, an exact label is followed before a `*`, with no going back. */
function longestMatch(labels: readonly string[], root: SuffixNode, sections: number): Match | null {
  let node: SuffixNode | undefined = root;
  let match: Match | null = null;
  for (let index = labels.length - 1; index >= 0 && node !== undefined; index -= 1) {
    const label = labels[index] ?? '';
    node = node.children?.get(label) ?? (label === '' ? undefined : node.children?.get('*'));
    if (node !== undefined && (node.section & sections) !== 0) match = { index, section: node.section };
  }
  return match;
}

// tldts answers these without its trie when private rules are left out; the list has no ICANN rule below them.
const COMMON_SUFFIXES = ['com', 'org', 'edu', 'gov', 'net', 'de'];

function suffixOf(hostname: string, labels: readonly string[], withPrivate: boolean): { suffix: string; isIcann: boolean } {
  const last = labels[labels.length - 1] ?? '';
  if (!withPrivate && hostname.length > 3 && COMMON_SUFFIXES.indexOf(last) >= 0 && labels.length > 1) {
    return { suffix: last, isIcann: true };
  }
  if (tries === null) tries = { rules: unpack(inflateText(RULES, RULES_DIGITS)), exceptions: unpack(EXCEPTIONS) };
  const sections = ICANN | (withPrivate ? PRIVATE : NONE);
  // An exception rule (`!city.kawasaki.jp`) wins over every other rule and leaves its left-most label out.
  const exception = longestMatch(labels, tries.exceptions, sections);
  if (exception !== null) return { suffix: labels.slice(exception.index + 1).join('.'), isIcann: exception.section === ICANN };
  const rule = longestMatch(labels, tries.rules, sections);
  if (rule === null) return { suffix: last, isIcann: false };
  return { suffix: labels.slice(rule.index).join('.'), isIcann: rule.section === ICANN };
}

/** tldts' test for an IPv4 address: 7 to 15 digits and dots, three dots, none at either end. */
function looksLikeIpv4(hostname: string): boolean {
  return hostname.length >= 7 && hostname.length <= 15 && /^\d[\d.]*\d$/.test(hostname) && hostname.split('.').length === 4;
}

/**
 * The public suffix and registrable domain of a hostname of letters, digits and hyphens, as tldts'
 * `parse` gives them (`extractHostname: false`); null for an IPv4 address. Private rules
 * (`github.io`) count when `withPrivate`.
 */
export function parseHostname(input: string, withPrivate: boolean): SuffixParse | null {
  let end = input.length;
  while (end > 1 && input.charAt(end - 1) === '.') end -= 1;
  const hostname = input.slice(0, end);
  if (looksLikeIpv4(hostname)) return null;
  const labels = hostname.split('.');
  const { suffix, isIcann } = suffixOf(hostname, labels, withPrivate);
  if (suffix.length === hostname.length) return { publicSuffix: suffix, domain: null, domainWithoutSuffix: null, isIcann };
  const domain = labels.slice(-suffix.split('.').length - 1).join('.');
  return { publicSuffix: suffix, domain, domainWithoutSuffix: domain.slice(0, -suffix.length - 1), isIcann };
}
