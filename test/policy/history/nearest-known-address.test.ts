import { describe, expect, it } from 'vitest';
import { nearestKnownAddress } from '../../../src/policy/history/nearest-known-address.js';
import { emptyHistory, recordRecipients } from '../../../src/policy/history/recipient-history.js';

const KEY = 'AAAAAAAAAAAAAAAAAAAAAA';
const history = recordRecipients(
  emptyHistory(KEY),
  ['tanaka.k@partner.co.jp', 'suzuki@partner.co.jp', 'yamada_taro@client.example', 'j.smith@client.example'],
  20_000,
  { days: 365, maxEntries: 100 },
);

describe('nearestKnownAddress', () => {
  it.each([
    ['tanaka@partner.co.jp', 'tanaka.k@partner.co.jp'],
    ['tanaka.j@partner.co.jp', 'tanaka.k@partner.co.jp'],
    ['tanka.k@partner.co.jp', 'tanaka.k@partner.co.jp'],
    ['suzkui@partner.co.jp', 'suzuki@partner.co.jp'],
    ['suzuki1@partner.co.jp', 'suzuki@partner.co.jp'],
    ['yamada_tar@client.example', 'yamada_taro@client.example'],
    ['smith@client.example', 'j.smith@client.example'],
    ['SUZUKl@PARTNER.co.jp', 'suzuki@partner.co.jp'],
  ])('%s is near %s', (address, nearest) => {
    expect(nearestKnownAddress(history, address)).toBe(nearest);
  });

  it.each([
    ['sato@partner.co.jp'],
    // A whole given name added is beyond an initial or two.
    ['yamada@client.example'],
    ['suzuki@other.example'],
    ['tanaka.k@partner.co.jp.evil.example'],
    ['no-domain'],
  ])('finds nothing near %s', (address) => {
    expect(nearestKnownAddress(history, address)).toBeNull();
  });
});
