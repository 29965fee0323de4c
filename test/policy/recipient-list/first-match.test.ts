import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinDomain, normalAddress } from '../../../src/policy/domain.js';
import { recipientListOf } from '../../../src/policy/recipient-list/policy-list.js';

function glob(pattern: string): RegExp {
  const literal = (char: string) => (/[a-z0-9]/.test(char) ? char : `\\${char}`);
  const source = [...pattern].map((char) => (char === '*' ? '[^@]*' : char === '?' ? '[^@]' : literal(char))).join('');
  return new RegExp(`^${source}$`);
}

/** The definition, entry by entry, for entries in the policy's normal form (docs/policy.md "Recipient lists"). */
function entryMatches(entry: string, address: string | null): boolean {
  if (entry === '@') return address === null;
  if (address === null) return false;
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (/[*?]/.test(entry)) return glob(entry).test(entry.includes('@') ? address : domain);
  if (entry.startsWith('@')) return domain === entry.slice(1);
  return entry.includes('@') ? entry === address : isWithinDomain(domain, entry);
}

function firstByScan(entries: readonly string[], address: string | null): string | undefined {
  const excluded = entries.some((entry) => entry.startsWith('-') && entryMatches(entry.slice(1), address));
  return excluded ? undefined : entries.find((entry) => !entry.startsWith('-') && entryMatches(entry, address));
}

const label = fc.constantFrom('a', 'b', 'example', 'partner');
const tld = fc.constantFrom('jp', 'com');
const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, last]) => [...labels, last].join('.'));
const local = fc.constantFrom('taro', 'hanako', 'sales');
const address = fc.tuple(local, domain).map(([name, host]) => `${name}@${host}`);
const wildLabel = fc.constantFrom('*', 'a?', '*e', 'p*r');
const domainPattern = fc
  .tuple(wildLabel, fc.array(label, { maxLength: 2 }), tld)
  .map(([wild, labels, last]) => [wild, ...labels, last].join('.'));
const addressPattern = fc.tuple(fc.constantFrom('*', 't*', '?aro', '*s'), domain).map(([name, host]) => `${name}@${host}`);
const inclusion = fc.oneof(
  domain,
  domain.map((host) => `@${host}`),
  address,
  domainPattern,
  addressPattern,
  fc.constant('@'),
);
const entry = fc.oneof({ weight: 3, arbitrary: inclusion }, { weight: 1, arbitrary: inclusion.map((text) => `-${text}`) });
const recipient = fc.oneof({ weight: 5, arbitrary: address }, { weight: 1, arbitrary: fc.constant('Sales Team') });

describe('recipientListOf', () => {
  it('names the entry a scan of the list would name, for any list of every entry form', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), recipient, (entries, written) => {
        const { normalized } = normalAddress(written);
        const list = recipientListOf(entries);
        expect(list.entryFor(normalAddress(written))).toBe(firstByScan(entries, normalized));
        expect(list.includes(written)).toBe(firstByScan(entries, normalized) !== undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts entries without comments, and compiles each list once', () => {
    const entries = ['# ours', 'example.com', '-x@example.com'];
    expect(recipientListOf(entries).size).toBe(2);
    expect(recipientListOf(entries)).toBe(recipientListOf(entries));
  });
});
