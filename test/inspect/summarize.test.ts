import { describe, expect, test } from 'vitest';
import {
  detectAll,
  inspectExtraction,
  isValidMyNumber,
  summarizeInspection,
  tallyMatches,
  type ExtractedAttachment,
  type Match,
} from '../../src/inspect/index.js';

/** The twelfth digit that makes `prefix` a valid My Number. */
function myNumber(prefix: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    if (isValidMyNumber(`${prefix}${digit}`)) return `${prefix}${digit}`;
  }
  throw new Error(`no check digit for ${prefix}`);
}

const MY_NUMBERS = ['12345678901', '98765432109', '11122233344', '55566677788', '24681357902'].map(myNumber);
const CARD = '4111111111111111';

function masked(number: string): string {
  return `${number.slice(0, 4)} **** ${number.slice(-4)}`;
}

function grouped(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

const ROSTER = [
  ...MY_NUMBERS.map((number, index) => `社員${index + 1} 個人番号 ${number} TEL 03-1234-567${index}`),
  `カード番号 ${grouped(CARD)}`,
  'メール taro@example.co.jp',
  `裸の番号 ${MY_NUMBERS[0] ?? ''}`,
].join('\n');

describe('tallyMatches', () => {
  test('counts per kind split by confidence, in the policy order', () => {
    const tallies = tallyMatches([{ where: 'body', matches: detectAll(ROSTER) }]);
    expect(tallies.map((tally) => [tally.kind, tally.high, tally.low])).toEqual([
      ['my-number', 5, 1],
      ['payment-card', 1, 0],
      ['phone', 5, 0],
      ['email', 1, 0],
    ]);
  });

  test('masked samples are distinct and capped, high and low apart', () => {
    const [myNumbers] = tallyMatches([{ where: 'body', matches: detectAll(ROSTER) }]);
    expect(myNumbers?.highSamples).toEqual(MY_NUMBERS.slice(0, 3).map(masked));
    expect(myNumbers?.lowSamples).toEqual(['1234 **** 9018']);
    const wider = tallyMatches([{ where: 'body', matches: detectAll(ROSTER) }], 10)[0];
    expect(wider?.highSamples).toEqual(MY_NUMBERS.map(masked));
    expect(tallyMatches([{ where: 'body', matches: detectAll(ROSTER) }], 0)[0]?.highSamples).toEqual([]);
  });

  test('the same masked value twice is one sample', () => {
    const text = `個人番号 ${MY_NUMBERS[0] ?? ''}\n個人番号 ${MY_NUMBERS[0] ?? ''}`;
    const [tally] = tallyMatches([{ where: 'body', matches: detectAll(text) }]);
    expect(tally).toMatchObject({ high: 2, highSamples: ['1234 **** 9018'] });
  });

  test('parts are the distinct places of the matches, at most five', () => {
    const parts = ['sheet:A', 'sheet:B', 'sheet:A', 'sheet:C', 'sheet:D', 'sheet:E', 'sheet:F'].map((where) => ({
      where,
      matches: detectAll('taro@example.co.jp'),
    }));
    expect(tallyMatches([...parts, { where: 'sheet:empty', matches: [] }])[0]?.parts).toEqual([
      'sheet:A',
      'sheet:B',
      'sheet:C',
      'sheet:D',
      'sheet:E',
    ]);
  });

  test("the organisation's terms and patterns are not personal data", () => {
    const term: Match = { kind: 'term', start: 0, end: 3, masked: '社外秘', confidence: 'high', ruleIndex: 0 };
    expect(tallyMatches([{ where: 'body', matches: [term] }])).toEqual([]);
  });
});

describe('summarizeInspection', () => {
  test('subject and body when inspected, absent otherwise', () => {
    expect(summarizeInspection({})).toEqual({ attachments: [] });
    const summary = summarizeInspection({ subject: [], body: detectAll('taro@example.co.jp') });
    expect(summary.subject).toEqual({ personalData: [] });
    expect(summary.body?.personalData.map((tally) => [tally.kind, tally.parts])).toEqual([['email', ['body']]]);
  });

  test('each attachment by name and size with its status', () => {
    const summary = summarizeInspection({
      attachments: [
        { name: 'a.csv', size: 1, outcome: { status: 'inspected', parts: [{ where: 'text', matches: detectAll(ROSTER) }] } },
        { name: 'b.zip', size: 2, outcome: { status: 'encrypted', reason: 'zip-encrypted' } },
        {
          name: 'c.docx',
          size: 3,
          outcome: { status: 'uninspectable', reason: 'limit:ratio', parts: [{ where: 'body', matches: detectAll('taro@example.co.jp') }] },
        },
        { name: 'd.pdf', size: 4, outcome: { status: 'pending' } },
        { name: 'e.xlsx', size: 5 },
        {
          name: 'f.zip',
          size: 6,
          outcome: { status: 'inspected', parts: [], unread: [{ where: 'entry:x.zip', status: 'uninspectable', reason: 'depth' }] },
        },
      ],
    });
    expect(
      summary.attachments.map((entry) => [
        entry.name,
        entry.size,
        entry.status,
        entry.reason,
        entry.personalData.length,
        entry.unread.length,
      ]),
    ).toEqual([
      ['a.csv', 1, 'inspected', '', 4, 0],
      ['b.zip', 2, 'encrypted', 'zip-encrypted', 0, 0],
      ['c.docx', 3, 'uninspectable', 'limit:ratio', 1, 0],
      ['d.pdf', 4, 'pending', '', 0, 0],
      ['e.xlsx', 5, 'pending', '', 0, 0],
      ['f.zip', 6, 'inspected', '', 0, 1],
    ]);
  });

  test('no full value anywhere in the summary', () => {
    const summary = summarizeInspection(
      {
        subject: detectAll(`個人番号 ${MY_NUMBERS[1] ?? ''}`),
        body: detectAll(ROSTER),
        attachments: [
          { name: 'list.txt', size: 10, outcome: { status: 'inspected', parts: [{ where: 'text', matches: detectAll(ROSTER) }] } },
        ],
      },
      { maxSamples: 50 },
    );
    const serialized = JSON.stringify(summary);
    for (const value of [...MY_NUMBERS, CARD, grouped(CARD), 'taro@', '1234-5670', '12345670']) {
      expect(serialized, value).not.toContain(value);
    }
    expect(serialized).toContain('1234 **** 9018');
  });

  test('the summary is plain JSON, so it can be cached and read back', () => {
    const summary = summarizeInspection({ body: detectAll(ROSTER), attachments: [{ name: 'x', size: 1 }] });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('inspectExtraction', () => {
  test.each<[string, ExtractedAttachment, string, number]>([
    ['read text parts', { status: 'ok', parts: [{ where: 'sheet:名簿', text: ROSTER }], unread: [] }, 'inspected', 4],
    ['encrypted', { status: 'encrypted', reason: 'office-encrypted' }, 'encrypted', 0],
    [
      'partly read before a bound',
      { status: 'uninspectable', reason: 'limit:time', parts: [{ where: 'body', text: 'taro@example.co.jp' }] },
      'uninspectable',
      1,
    ],
  ])('%s', (_name, extraction, status, kinds) => {
    const outcome = inspectExtraction(extraction);
    expect(outcome.status).toBe(status);
    const [entry] = summarizeInspection({ attachments: [{ name: 'f', size: 1, outcome }] }).attachments;
    expect(entry?.personalData).toHaveLength(kinds);
  });

  test('parts keep their places, unread members carry over', () => {
    const unread = [{ where: 'entry:secret.xlsx', status: 'encrypted', reason: 'zip-aes' }] as const;
    const outcome = inspectExtraction({
      status: 'ok',
      parts: [
        { where: 'entry:a.csv', text: 'taro@example.co.jp' },
        { where: 'entry:b.csv', text: 'hanako@example.co.jp' },
      ],
      unread,
    });
    const [entry] = summarizeInspection({ attachments: [{ name: 'a.zip', size: 9, outcome }] }).attachments;
    expect(entry?.personalData[0]).toMatchObject({ kind: 'email', high: 2, parts: ['entry:a.csv', 'entry:b.csv'] });
    expect(entry?.unread).toEqual(unread);
  });
});
