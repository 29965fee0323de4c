import punycode from 'punycode/punycode.js';
import { normalizeAddress, toAsciiDomain } from '../domain.js';

/**
 * One entry of a recipient list (`internalDomains`, `trustedDomains`, `blockedRecipients`,
 * `attentionRecipients`), read as docs/policy.md "Recipient lists" describes:
 *
 * | written               | matches                                               |
 * |-----------------------|-------------------------------------------------------|
 * | `example.com`         | the domain and its subdomains                         |
 * | `@example.com`        | the domain only                                       |
 * | `tanaka@example.com`  | the address                                           |
 * | `*.example.com`, `?.example.net`, `*unsafe@example.com`, `xx@*example.com` | a pattern: `*` any run, `?` one character, never across `@`; without `@` it is matched against the domain |
 * | `@`                   | a recipient with no domain (an unresolved name)       |
 * | `-` before any of these | an exclusion: it takes its matches out of the list  |
 * | `#…`                  | a comment, kept in the policy and never matched       |
 */
export type RecipientEntry =
  | { readonly kind: 'domain'; readonly domain: string }
  | { readonly kind: 'exact-domain'; readonly domain: string }
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'pattern'; readonly pattern: string; readonly target: 'address' | 'domain' }
  | { readonly kind: 'no-domain' };

/** Why an entry could not be read, for a problem code of its own. */
export type EntryFault = 'empty' | 'empty-exclusion' | 'last-label-wildcard' | 'invalid';

export type ReadEntry =
  | { readonly ok: true; readonly entry: RecipientEntry; readonly exclude: boolean }
  | { readonly ok: true; readonly comment: string }
  | { readonly ok: false; readonly fault: EntryFault; readonly problem: string };

const DOT_VARIANTS = /[\u3002\uFF0E\uFF61]/g;
const WILDCARDS = /[*?]/;
const WILDCARD_LABEL = /^[a-z0-9*?-]+$/;

function patternLabel(label: string): string | null {
  if (WILDCARDS.test(label)) return WILDCARD_LABEL.test(label) ? label : null;
  try {
    return punycode.toASCII(label);
  } catch {
    return null;
  }
}

/** A domain with wildcards, its other labels in ASCII; null when a wildcard is in the last label or it is no domain. */
export function domainPattern(text: string): string | null {
  const labels = text.replace(DOT_VARIANTS, '.').replace(/\.$/, '').split('.');
  const last = labels[labels.length - 1] ?? '';
  // A wildcard in the top-level label would let `*@example.*` match `example.co.jp.evil.com`.
  if (labels.length < 2 || WILDCARDS.test(last)) return null;
  const ascii = labels.map(patternLabel);
  if (ascii.some((label) => label === null)) return null;
  const pattern = ascii.join('.');
  return toAsciiDomain(pattern.replace(/[*?]/g, 'a')) === null ? null : pattern;
}

function readPattern(text: string): RecipientEntry | null {
  const at = text.lastIndexOf('@');
  if (at < 0) {
    const domain = domainPattern(text);
    return domain === null ? null : { kind: 'pattern', pattern: domain, target: 'domain' };
  }
  const local = text.slice(0, at);
  if (local.length === 0 || local.includes('@')) return null;
  const domain = WILDCARDS.test(text.slice(at + 1)) ? domainPattern(text.slice(at + 1)) : toAsciiDomain(text.slice(at + 1));
  return domain === null ? null : { kind: 'pattern', pattern: `${local}@${domain}`, target: 'address' };
}

function readInclusion(text: string): RecipientEntry | null {
  if (text === '@') return { kind: 'no-domain' };
  if (WILDCARDS.test(text)) return readPattern(text);
  if (text.startsWith('@')) {
    const domain = toAsciiDomain(text.slice(1));
    return domain === null ? null : { kind: 'exact-domain', domain };
  }
  if (text.includes('@')) {
    const address = normalizeAddress(text);
    return address === null ? null : { kind: 'address', address };
  }
  const domain = toAsciiDomain(text);
  return domain === null ? null : { kind: 'domain', domain };
}

function lastLabel(text: string): string {
  return text.replace(DOT_VARIANTS, '.').replace(/\.$/, '').split(/[.@]/).pop() ?? '';
}

export function readRecipientEntry(written: string): ReadEntry {
  const text = written.normalize('NFKC').trim().toLowerCase();
  if (text.startsWith('#')) return { ok: true, comment: written.trim() };
  const exclude = text.startsWith('-');
  const body = exclude ? text.slice(1).trim() : text;
  if (body.length === 0) {
    return exclude
      ? { ok: false, fault: 'empty-exclusion', problem: 'an exclusion needs a domain, address or pattern after "-"' }
      : { ok: false, fault: 'empty', problem: 'an empty entry' };
  }
  const entry = readInclusion(body);
  if (entry === null) {
    return {
      ok: false,
      fault: WILDCARDS.test(lastLabel(body)) ? 'last-label-wildcard' : 'invalid',
      problem: `"${written}" is not a domain, an @domain, an address, a pattern with * or ? (not in the last label), or "@"`,
    };
  }
  return { ok: true, entry, exclude };
}

/** The entry as a policy keeps it: read again, the text gives the same entry. */
export function recipientEntryText(entry: RecipientEntry, exclude: boolean): string {
  const sign = exclude ? '-' : '';
  switch (entry.kind) {
    case 'domain':
      return `${sign}${entry.domain}`;
    case 'exact-domain':
      return `${sign}@${entry.domain}`;
    case 'address':
      return `${sign}${entry.address}`;
    case 'pattern':
      return `${sign}${entry.pattern}`;
    case 'no-domain':
      return `${sign}@`;
  }
}
