import punycode from 'punycode/punycode.js';
import { remembered } from './remembered.js';

const { toASCII, toUnicode } = punycode;

const DOT_VARIANTS = /[\u3002\uFF0E\uFF61]/g;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Printable ASCII without spaces: trim, NFKC and punycode leave it as it is, so lower-casing is all the
// full path would do. Nearly every address is such; a new message of 1,000 saves 1,000 NFKC passes.
const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/**
 * Lower-case ASCII (punycode) form of a domain, or null when it is not a valid host name.
 * NFKC folds full-width letters and ideographic dots the way UTS #46 does for the cases mail
 * clients produce; a trailing root dot is dropped. Answers are remembered: a message of 1,000
 * recipients has a few dozen domains, and converting each once is most of what evaluate saves.
 */
export const toAsciiDomain: (input: string) => string | null = remembered(convertToAsciiDomain, 4096);

function convertToAsciiDomain(input: string): string | null {
  const plain = PLAIN_ASCII.test(input);
  let text = plain ? input.toLowerCase() : input.trim().normalize('NFKC').replace(DOT_VARIANTS, '.').toLowerCase();
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text.length === 0) return null;
  let ascii = text;
  try {
    if (!plain) ascii = toASCII(text);
  } catch {
    return null;
  }
  if (ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2) return null;
  return labels.every((label) => LDH_LABEL.test(label)) ? ascii : null;
}

/** Unicode form of an ASCII domain, for showing the user what the punycode stands for; remembered too. */
export const toUnicodeDomain: (asciiDomain: string) => string = remembered(convertToUnicodeDomain, 4096);

function convertToUnicodeDomain(asciiDomain: string): string {
  // punycode decodes only `xn--` labels and rewrites only non-ASCII dots and text around an `@`; the
  // rest comes back as it went in (https://github.com/mathiasbynens/punycode.js, `mapDomain`).
  if (PLAIN_ASCII.test(asciiDomain) && !asciiDomain.includes('xn--') && !asciiDomain.includes('@')) return asciiDomain;
  try {
    return toUnicode(asciiDomain);
  } catch {
    return asciiDomain;
  }
}

/** Domain part of an address (after the last `@`, so quoted local parts holding `@` work), in ASCII form. */
export function domainOfAddress(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return toAsciiDomain(address.slice(at + 1));
}

/** An address's normal form and its domain (the same string toAsciiDomain gave); both null when unusable. */
export interface NormalAddress {
  readonly normalized: string | null;
  readonly domain: string | null;
}

const UNUSABLE: NormalAddress = { normalized: null, domain: null };

/**
 * Not remembered, unlike the domain: a new message brings a thousand new addresses, and a store of them
 * outlived the young generation, so collecting it cost about three times the conversion itself
 * (docs/benchmarks.md "Policy evaluate"). The domain's conversion, the costly part, is remembered.
 */
export function normalAddress(address: string): NormalAddress {
  const at = address.lastIndexOf('@');
  if (at <= 0) return UNUSABLE;
  if (PLAIN_ASCII.test(address)) {
    const lower = address.toLowerCase();
    const plainDomain = toAsciiDomain(lower.slice(at + 1));
    if (plainDomain === null) return UNUSABLE;
    // A plain domain is its own ASCII form but for a dropped root dot: then the lower-cased address is the normal form.
    return {
      normalized: plainDomain.length === lower.length - at - 1 ? lower : `${lower.slice(0, at)}@${plainDomain}`,
      domain: plainDomain,
    };
  }
  const domain = toAsciiDomain(address.slice(at + 1));
  if (domain === null) return UNUSABLE;
  const local = address.slice(0, at);
  const folded = PLAIN_ASCII.test(local) ? local.toLowerCase() : local.trim().normalize('NFKC').toLowerCase();
  return { normalized: `${folded}@${domain}`, domain };
}

/** Local part + ASCII domain, lower-cased, for comparing addresses; null when there is no usable domain. */
export function normalizeAddress(address: string): string | null {
  return normalAddress(address).normalized;
}

/** True when `domain` is `parent` or one of its subdomains; both in ASCII form. */
export function isWithinDomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/** `a.b.example.jp`, `b.example.jp`, `example.jp`, `jp`: what a listed domain covering `domain` can be. */
export function domainAndParents(domain: string): string[] {
  const names = [domain];
  for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) names.push(domain.slice(dot + 1));
  return names;
}

export function isWithinAny(domain: string, parents: readonly string[]): boolean {
  return parents.some((parent) => isWithinDomain(domain, parent));
}
