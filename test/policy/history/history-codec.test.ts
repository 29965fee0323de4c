import { describe, expect, it } from 'vitest';
import { decodeHistory, encodeHistory, MAX_HISTORY_ENTRIES } from '../../../src/policy/history/history-codec.js';
import { emptyHistory, recordRecipients } from '../../../src/policy/history/recipient-history.js';

const KEY = 'k3Y_k3Y-k3Yk3Yk3Yk3Y00';

describe('history codec', () => {
  it('reads back what it wrote, and holds digests, never the addresses', () => {
    const history = recordRecipients(emptyHistory(KEY), ['tanaka@partner.co.jp', 'sato@example.com'], 20_426, {
      days: 365,
      maxEntries: 100,
    });
    const text = encodeHistory(history);
    expect(decodeHistory(text)).toEqual({ ok: true, history });
    expect(text).not.toMatch(/tanaka|partner|sato|example/);
  });

  it('fits the most entries it keeps in 30,000 characters', () => {
    const addresses = Array.from({ length: MAX_HISTORY_ENTRIES + 50 }, (_, index) => `person${index}@domain${index % 97}.example`);
    const history = recordRecipients(emptyHistory(KEY), addresses, 65_535, { days: 365, maxEntries: MAX_HISTORY_ENTRIES + 50 });
    const text = encodeHistory(history);
    expect(text.length).toBeLessThanOrEqual(30_000);
    const decoded = decodeHistory(text);
    expect(decoded.ok && decoded.history.entries).toEqual(history.entries.slice(0, MAX_HISTORY_ENTRIES));
  });

  it.each([
    [undefined, 'not-string', 'expected a string, got undefined'],
    [null, 'not-string', 'expected a string, got null'],
    [42, 'not-string', 'expected a string, got number'],
    ['h0.AAAAAAAAAAAAAAAAAAAAAA.', 'not-h1', 'not a h1 history'],
    ['h1.AAAAAAAAAAAAAAAAAAAAAA', 'not-h1', 'not a h1 history'],
    ['h1.AAAAAAAAAAAAAAAAAAAAAA..', 'not-h1', 'not a h1 history'],
    ['h1.short.', 'bad-key', 'the key is not 22 base64url characters'],
    ['h1.AAAAAAAAAAAAAAAAAAAAAA.AAAA', 'bad-length', 'the entries are 4 characters, not a multiple of 16'],
    ['h1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAA+', 'not-base64url', 'the entries are not base64url'],
  ])('refuses %j: %s', (value, code, problem) => {
    expect(decodeHistory(value)).toMatchObject({ ok: false, code, problem });
  });

  it('gives the figures its message names as parameters', () => {
    expect(decodeHistory(7)).toMatchObject({ params: { type: 'number' } });
    expect(decodeHistory('h1.AAAAAAAAAAAAAAAAAAAAAA.AAAA')).toMatchObject({ params: { length: '4' } });
  });
});
