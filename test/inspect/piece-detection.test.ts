import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectAll, type Match } from '../../src/inspect/index.js';
import { tallyOf, TallyBuilder } from '../../src/inspect/part-tally.js';
import { DEFAULT_PIECE_TUNING, matchesFrom, PieceDetection, type MatchSink, type PieceTuning } from '../../src/inspect/piece-detection.js';

/** Matches in the whole text's positions, as a sink receives them. */
class Collected implements MatchSink {
  readonly matches: Match[] = [];
  add(match: Match, offset: number): void {
    this.matches.push({ ...match, start: match.start + offset, end: match.end + offset });
  }
}

// Values of every kind, their context words, and what breaks them: combining marks, surrogates, widths.
const VALUES: readonly string[] = [
  '03-1234-5678',
  '090‐1234‐5678',
  '＋81 90 1234 5678',
  'taro.yamada@example.co.jp',
  'ｔａｒｏ＠example.jp',
  '〒100-0001',
  '東京都千代田区丸の内1-2-3',
  '大阪府大阪市北区梅田三丁目1番3号',
  'マイナンバー 1234 5678 9018',
  '個人番号123456789018',
  '4111 1111 1111 1111',
  '法人番号 1234567890123',
  '普通 口座番号 1234567',
  'ゆうちょ 記号12345 番号12345671',
  '2024年12月5日',
  '10時から3階',
  '１２３４５６７８９０１２',
  'a\u0301\u0302\u0303',
  // One segment of 501 units: the lookaround counts segments, as the detectors' reach does.
  `x${'\u0301'.repeat(500)}`,
  '😀',
  '\uD800',
  '@',
  '-',
  '０',
  '\t',
  '\n',
  ' ',
  '顧客',
  '会議室',
];

const records = fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 8 }).map((cells) => cells.join(''));
const longText = fc.array(records, { minLength: 200, maxLength: 1500 }).map((rows) => rows.join('\n'));
/** Piece lengths; the text is cut at these, the last piece taking the rest. */
const cuts = fc.array(fc.integer({ min: 1, max: 6000 }), { maxLength: 40 });
const SMALL_BATCH: PieceTuning = { lookaround: 2048, batch: 1000 };

function inPieces<Sink extends MatchSink>(text: string, lengths: readonly number[], sink: Sink, tuning = SMALL_BATCH): Sink {
  const detection = new PieceDetection({}, sink, tuning);
  let start = 0;
  for (const length of lengths) {
    detection.push(text.slice(start, start + length));
    start = Math.min(text.length, start + length);
  }
  detection.push(text.slice(start));
  return detection.finish();
}

describe('PieceDetection', () => {
  it('finds exactly what detectAll finds in the whole text, however the text is cut', () => {
    fc.assert(
      fc.property(longText, cuts, (text, lengths) => {
        expect(inPieces(text, lengths, new Collected()).matches).toEqual(detectAll(text));
      }),
      { numRuns: 40 },
    );
  });

  it('tallies a text in pieces as the whole text is tallied', () => {
    fc.assert(
      fc.property(longText, cuts, fc.integer({ min: 0, max: 5 }), (text, lengths, maxSamples) => {
        const tallied = inPieces(text, lengths, new TallyBuilder(maxSamples)).result();
        expect(tallied).toEqual(tallyOf(detectAll(text), maxSamples));
      }),
      { numRuns: 20 },
    );
  });

  it('hands over at any position: one detection settles before it, detectAll on a view after it finds the rest', () => {
    fc.assert(
      fc.property(
        longText,
        cuts,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 70_000 }),
        (text, lengths, at, behind) => {
          const until = Math.floor(at * text.length);
          const helper = new PieceDetection({}, new Collected(), SMALL_BATCH);
          let start = 0;
          for (const length of lengths) {
            if (start >= until) break;
            helper.push(text.slice(start, Math.min(until, start + length)));
            start = Math.min(until, start + length);
          }
          helper.push(text.slice(start, until));
          const settled = helper.finishBefore(until, text.slice(until, until + 65_536));
          expect(settled).toBeLessThanOrEqual(until);
          const viewStart = Math.max(0, until - behind);
          const view = text.slice(viewStart);
          const rest = matchesFrom(detectAll(view), view, viewStart, settled);
          const found = detectAll(text);
          if (rest === null) {
            // Too little of the view before the handover: refused, never guessed.
            expect(viewStart).toBeGreaterThan(0);
            expect(settled - viewStart).toBeLessThan(DEFAULT_PIECE_TUNING.lookaround * 501);
            return;
          }
          const shifted = rest.map((match) => ({ ...match, start: match.start + viewStart, end: match.end + viewStart }));
          expect([...helper.sink.matches, ...shifted]).toEqual(found);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('holds a bounded view of a long text, not all of it', () => {
    const row = '顧客123456\t東京都千代田区丸の内1-2-3\t03-1234-5678\ttaro@example.co.jp\n';
    const piece = row.repeat(20);
    const detection = new PieceDetection({}, new Collected());
    let largest = 0;
    for (let count = 0; count < 2000; count += 1) {
      detection.push(piece);
      largest = Math.max(largest, detection.held);
    }
    const { batch, lookaround } = DEFAULT_PIECE_TUNING;
    expect(largest).toBeLessThanOrEqual(batch + lookaround + piece.length);
    expect(piece.length * 2000).toBeGreaterThan(8 * largest);
    expect(detection.finish().matches).toHaveLength(3 * 20 * 2000);
  });

  it('refuses the organisation’s terms and patterns, which need the whole text', () => {
    expect(() => new PieceDetection({ custom: { terms: [], patterns: new Map() } as never }, new Collected())).toThrow(/no custom rules/);
  });
});
