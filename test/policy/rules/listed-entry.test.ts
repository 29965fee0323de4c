import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinDomain } from '../../../src/policy/domain.js';
import { listedEntry } from '../../../src/policy/rules/listed-recipient.js';

/** The definition: the first entry, in list order, that is the address or a domain covering its domain. */
function firstMatching(entries: readonly string[], address: string, domain: string): string | undefined {
  return entries.find((entry) => (entry.includes('@') ? entry === address : isWithinDomain(domain, entry)));
}

const label = fc.constantFrom('a', 'b', 'example', 'partner', 'co', 'jp', 'com');
const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const local = fc.constantFrom('taro', 'hanako', 'sales');
const address = fc.tuple(local, domain).map(([name, host]) => `${name}@${host}`);

describe('listedEntry', () => {
  it('picks what a scan of the list would pick, for any list of addresses and domains', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(domain, address), { maxLength: 12 }), address, (entries, recipient) => {
        const host = recipient.slice(recipient.indexOf('@') + 1);
        expect(listedEntry(entries, recipient, host)).toBe(firstMatching(entries, recipient, host));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the earlier entry when an address and its domain are both listed', () => {
    expect(listedEntry(['partner.co.jp', 'taro@partner.co.jp'], 'taro@partner.co.jp', 'partner.co.jp')).toBe('partner.co.jp');
    expect(listedEntry(['taro@partner.co.jp', 'co.jp'], 'taro@partner.co.jp', 'partner.co.jp')).toBe('taro@partner.co.jp');
    expect(listedEntry(['artner.co.jp'], 'taro@partner.co.jp', 'partner.co.jp')).toBeUndefined();
    expect(listedEntry(['partner.co.jp'], null, null)).toBeUndefined();
  });
});
