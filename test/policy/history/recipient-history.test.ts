import { describe, expect, it } from 'vitest';
import { emptyHistory, historyStanding, recordRecipients, type RecipientHistory } from '../../../src/policy/history/recipient-history.js';

const KEY = 'AAAAAAAAAAAAAAAAAAAAAA';
const LIMITS = { days: 365, maxEntries: 1_000 };

function afterSending(addresses: readonly string[], history: RecipientHistory = emptyHistory(KEY), day = 20_000): RecipientHistory {
  return recordRecipients(history, addresses, day, LIMITS);
}

describe('historyStanding', () => {
  const history = afterSending(['tanaka.k@partner.co.jp']);

  it.each([
    ['tanaka.k@partner.co.jp', 'known'],
    ['TANAKA.K@Partner.CO.JP', 'known'],
    ['ｔａｎａｋａ.ｋ@partner.co.jp', 'known'],
    ['tanaka@partner.co.jp', 'known-domain'],
    ['tanaka.k@partner.com', 'new'],
    ['tanaka.k@sub.partner.co.jp', 'new'],
  ] as const)('%s is %s', (address, standing) => {
    expect(historyStanding(history, address)).toBe(standing);
  });

  it('has no answer for an address without a domain', () => {
    expect(historyStanding(history, 'tanaka')).toBeNull();
  });

  it('knows nothing under another mailbox key', () => {
    const other: RecipientHistory = { key: 'BBBBBBBBBBBBBBBBBBBBBB', entries: history.entries };
    expect(historyStanding(other, 'tanaka.k@partner.co.jp')).toBe('new');
  });
});

describe('recordRecipients', () => {
  it('puts the latest mail first, once per address, and moves an old address to the front', () => {
    const first = afterSending(['a@one.example', 'b@two.example'], emptyHistory(KEY), 20_000);
    const second = afterSending(['b@two.example', 'B@TWO.example', 'c@three.example'], first, 20_001);
    expect(second.entries.map((entry) => entry.day)).toEqual([20_001, 20_001, 20_000]);
    expect(historyStanding({ key: KEY, entries: second.entries.slice(0, 1) }, 'b@two.example')).toBe('known');
    expect(historyStanding({ key: KEY, entries: second.entries.slice(1, 2) }, 'c@three.example')).toBe('known');
    expect(historyStanding({ key: KEY, entries: second.entries.slice(2) }, 'a@one.example')).toBe('known');
  });

  it('drops entries older than the policy days and beyond the policy size', () => {
    const old = afterSending(['old@one.example'], emptyHistory(KEY), 20_000);
    const kept = recordRecipients(old, ['new@two.example'], 20_030, { days: 30, maxEntries: 10 });
    const dropped = recordRecipients(old, ['new@two.example'], 20_031, { days: 30, maxEntries: 10 });
    expect(kept.entries).toHaveLength(2);
    expect(dropped.entries).toHaveLength(1);
    const many = recordRecipients(emptyHistory(KEY), ['a@x.example', 'b@x.example', 'c@x.example'], 20_000, { days: 30, maxEntries: 2 });
    expect(many.entries).toHaveLength(2);
    expect(historyStanding(many, 'c@x.example')).toBe('known-domain');
  });

  it('skips what is not an address and leaves the history it was given alone', () => {
    const start = emptyHistory(KEY);
    const next = recordRecipients(start, ['no-domain', ''], 20_000, LIMITS);
    expect(next.entries).toEqual([]);
    expect(afterSending(['a@x.example'], start).entries).toHaveLength(1);
    expect(start.entries).toEqual([]);
  });
});
