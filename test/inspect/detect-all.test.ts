import { describe, expect, it } from 'vitest';
import { detectWithLastGap } from '../../src/inspect/detect-all.js';
import { compileCustomRules, detectAll, resolveOverlaps, type Match } from '../../src/inspect/index.js';

function summary(text: string, matches: readonly Match[]): string[] {
  return matches.map((match) => `${match.kind}:${text.slice(match.start, match.end)}:${match.confidence}`);
}

describe('detectAll', () => {
  it('finds every kind in a mixed Japanese message, in text order', () => {
    const text = [
      '山田様',
      'マイナンバー：１２３４　５６７８　９０１８',
      '法人番号 7000012050002',
      'カード 4111-1111-1111-1111',
      '〒100-0001 東京都千代⽥区千代田1-1-1',
      'TEL 03-1234-5678 / ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ',
      '振込先 普通 1234567',
    ].join('\n');
    expect(summary(text, detectAll(text))).toEqual([
      'my-number:１２３４　５６７８　９０１８:high',
      'corporate-number:7000012050002:high',
      'payment-card:4111-1111-1111-1111:high',
      'postal-code:100-0001:high',
      'address:東京都千代⽥区千代田1-1-1:high',
      'phone:03-1234-5678:high',
      'email:ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ:high',
      'bank-account:1234567:high',
    ]);
  });

  it('keeps the longest validated match: an e-mail hides the mobile number that is its local part', () => {
    const text = '09012345678@docomo.ne.jp';
    expect(summary(text, detectAll(text))).toEqual(['email:09012345678@docomo.ne.jp:high']);
  });

  it('lets a card number hide the shorter matches inside it', () => {
    const resolved = resolveOverlaps([
      { kind: 'phone', start: 0, end: 12, masked: '', confidence: 'high' },
      { kind: 'payment-card', start: 0, end: 19, masked: '', confidence: 'low' },
      { kind: 'my-number', start: 5, end: 19, masked: '', confidence: 'high' },
      { kind: 'email', start: 20, end: 30, masked: '', confidence: 'high' },
    ]);
    expect(resolved.map((match) => match.kind)).toEqual(['payment-card', 'email']);
  });

  it.each([
    ['4999972479918', 'payment-card:4999972479918:low'],
    ['カード番号 4999972479918', 'payment-card:4999972479918:high'],
    ['法人番号 4999972479918', 'corporate-number:4999972479918:high'],
  ])('a 13-digit number valid as both a Visa card and a Corporate Number: %s', (text, expected) => {
    expect(summary(text, detectAll(text))).toEqual([expected]);
  });

  it('breaks ties by confidence, then by kind, the same way in any input order', () => {
    const tied: Match[] = [
      { kind: 'phone', start: 0, end: 13, masked: '', confidence: 'high' },
      { kind: 'corporate-number', start: 0, end: 13, masked: '', confidence: 'low' },
      { kind: 'payment-card', start: 0, end: 13, masked: '', confidence: 'high' },
    ];
    expect(resolveOverlaps(tied)[0]?.kind).toBe('payment-card');
    expect(resolveOverlaps(tied.slice().reverse())[0]?.kind).toBe('payment-card');
    expect(resolveOverlaps(tied.slice(0, 2))[0]?.kind).toBe('phone');
  });

  it('runs only the requested kinds', () => {
    const text = '090-1234-5678 taro@example.jp';
    expect(summary(text, detectAll(text, { kinds: ['email'] }))).toEqual(['email:taro@example.jp:high']);
  });

  it('adds the organisation terms and patterns without dropping personal data they overlap', () => {
    const { rules } = compileCustomRules({ terms: ['社外秘', '東京都'], patterns: ['/PRJ-\\d+/'] });
    const text = '【社外秘】PRJ-42 送付先 東京都港区三田2-15-45';
    expect(summary(text, detectAll(text, { custom: rules }))).toEqual([
      'term:社外秘:high',
      'pattern:PRJ-42:high',
      'term:東京都:high',
      'address:東京都港区三田2-15-45:high',
    ]);
  });

  it('never returns the middle digits of a number in any masked sample', () => {
    const text = 'マイナンバー 123456789018 カード 4111111111111111 法人番号 7000012050002';
    const masked = detectAll(text).map((match) => match.masked);
    expect(masked).toEqual(['1234 **** 9018', '4111 **** 1111', '7000 **** 0002']);
    for (const middle of ['5678', '11111111', '01205']) expect(masked.join(' ')).not.toContain(middle);
  });

  it('returns nothing for ordinary text', () => {
    expect(detectAll('明日の会議は10時から3階の会議室で行います。資料は2024年版です。')).toEqual([]);
  });
});

describe('detectWithLastGap', () => {
  const text = '連絡先 taro@example.co.jp、カード 4111 1111 1111 1111 まで';
  const email = text.indexOf('taro');
  const card = text.indexOf('4111');

  it('gives the limit itself when no match spans it', () => {
    expect(detectWithLastGap(text, undefined, email).lastGap).toBe(email);
    expect(detectWithLastGap(text, undefined, card - 2).lastGap).toBe(card - 2);
    expect(detectWithLastGap(text, undefined, text.length).lastGap).toBe(text.length);
  });

  it('goes back to where the matches spanning the limit start', () => {
    expect(detectWithLastGap(text, undefined, text.indexOf('@')).lastGap).toBe(email);
    expect(detectWithLastGap(text, undefined, card + 7).lastGap).toBe(card);
  });

  it('finds what detectAll finds', () => {
    expect(detectWithLastGap(text, undefined, card).matches).toEqual(detectAll(text));
    expect(detectWithLastGap(text, ['email'], card).matches).toEqual(detectAll(text, { kinds: ['email'] }));
  });
});

describe('detectAll on a large document', () => {
  it('returns every match of a sheet with hundreds of thousands of them, without overflowing the stack', () => {
    const text = Array.from({ length: 200_000 }, (_, index) => `user${index}@example.co.jp`).join('\n');
    const matches = detectAll(text);
    expect(matches).toHaveLength(200_000);
    expect(matches.every((match) => match.kind === 'email')).toBe(true);
  });
});
