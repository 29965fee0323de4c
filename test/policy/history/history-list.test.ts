import { describe, expect, it } from 'vitest';
import { historyTextLines, readHistoryList, recordHistoryList } from '../../../src/policy/history/history-list.js';
import { emptyHistory, historyDay, historyStanding } from '../../../src/policy/history/recipient-history.js';

const TODAY = historyDay(Date.UTC(2026, 11, 7));
const KEY = 'k'.repeat(22);

describe('historyTextLines', () => {
  it('drops a BOM, comments and the space around each line, keeping line numbers', () => {
    expect(historyTextLines('\uFEFFa@x.example # note\r\n\n  # only a comment\nb@y.example\t2026-01-02  ')).toEqual([
      'a@x.example',
      '',
      '',
      'b@y.example\t2026-01-02',
    ]);
  });
});

describe('readHistoryList', () => {
  it('reads an address with or without a date, undated ones on today', () => {
    expect(readHistoryList(['hanako@partner.co.jp', '', 'tanaka.k@partner.co.jp 2026-12-01'], TODAY)).toEqual({
      entries: [
        { address: 'hanako@partner.co.jp', day: TODAY },
        { address: 'tanaka.k@partner.co.jp', day: TODAY - 6 },
      ],
      problems: [],
    });
  });

  it.each([
    ['not-an-address', 'bad-address', 'not-an-address'],
    ['someone@', 'bad-address', 'someone@'],
    ['a@partner.co.jp 2025-02-30', 'bad-date', '2025-02-30'],
    ['a@partner.co.jp 12/01/2026', 'bad-date', '12/01/2026'],
    ['a@partner.co.jp 2026-12-01 extra', 'bad-line', 'a@partner.co.jp 2026-12-01 extra'],
  ])('names %j as %s', (line, code, value) => {
    expect(readHistoryList(['ok@partner.co.jp', line], TODAY)).toEqual({
      entries: [{ address: 'ok@partner.co.jp', day: TODAY }],
      problems: [{ index: 1, code, value }],
    });
  });
});

describe('recordHistoryList', () => {
  it('records the most recent first and keeps what the history held', () => {
    const limits = { days: 365, maxEntries: 100 };
    const before = recordHistoryList(emptyHistory(KEY), [{ address: 'old@client.example', day: TODAY - 10 }], limits);
    const after = recordHistoryList(
      before,
      [
        { address: 'b@partner.co.jp', day: TODAY },
        { address: 'a@partner.co.jp', day: TODAY - 3 },
      ],
      limits,
    );
    expect(after.entries.map((entry) => entry.day)).toEqual([TODAY, TODAY - 3, TODAY - 10]);
    expect(['a@partner.co.jp', 'b@partner.co.jp', 'old@client.example'].map((address) => historyStanding(after, address))).toEqual([
      'known',
      'known',
      'known',
    ]);
  });
});
