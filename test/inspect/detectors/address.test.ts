import { describe, expect, it } from 'vitest';
import { detectAddresses, normalizeWithMap } from '../../../src/inspect/index.js';
import { found } from '../found.js';

describe('detectAddresses', () => {
  it.each([
    ['東京都千代田区千代田1-1', '東京都千代田区千代田1-1'],
    ['〒100-0001 東京都千代田区千代田1-1-1 皇居ビル', '東京都千代田区千代田1-1-1'],
    ['東京都千代⽥区丸の内一丁目2番3号', '東京都千代⽥区丸の内一丁目2番3号'],
    ['⼤阪府⼤阪市北区梅田3丁目1番1号', '⼤阪府⼤阪市北区梅田3丁目1番1号'],
    ['北海道札幌市中央区北1条西2丁目', '北海道札幌市中央区北1条西2丁目'],
    ['長野県北佐久郡軽井沢町大字軽井沢123番地', '長野県北佐久郡軽井沢町大字軽井沢123番地'],
    ['東京都港区三田2-15-45', '東京都港区三田2-15-45'],
    ['神奈川県横浜市西区みなとみらい２－３－１', '神奈川県横浜市西区みなとみらい２－３－１'],
    ['京都府京都市中京区寺町通御池上る上本能寺前町488番地', '京都府京都市中京区寺町通御池上る上本能寺前町488番地'],
    ['住所:沖縄県那覇市泉崎1丁目2-2です', '沖縄県那覇市泉崎1丁目2-2'],
    ['東京都千代田区 丸の内1ー2ー3', '東京都千代田区 丸の内1ー2ー3'],
  ])('finds %s', (text, match) => {
    expect(found(detectAddresses, text)).toEqual([{ text: match, confidence: 'high' }]);
  });

  it.each([
    '東京都千代田区',
    '東京都千代田区にあります。1-2',
    '千代田区千代田1-1',
    '京都府の天気 1-2',
    '東京都の市場\n1-2',
    '東京都千代田区丸の内',
  ])('finds nothing in "%s"', (text) => {
    expect(found(detectAddresses, text)).toEqual([]);
  });

  it('keeps the prefecture and municipality and hides the rest', () => {
    const [match] = detectAddresses(normalizeWithMap('東京都千代⽥区丸の内一丁目2番3号'));
    expect(match?.masked).toBe('東京都千代田区****');
  });

  // Masked samples are kept per municipality (address.ts): more municipalities than are kept, twice over,
  // must each still show their own.
  it('masks each of many municipalities as its own', () => {
    const heads = Array.from({ length: 300 }, (_, index) => `東京都あ${String.fromCharCode(0x4e00 + index)}市`);
    const text = heads
      .concat(heads.slice().reverse())
      .map((head) => `${head}1-2\n`)
      .join('');
    const masked = detectAddresses(normalizeWithMap(text)).map((match) => match.masked);
    expect(masked).toEqual(heads.concat(heads.slice().reverse()).map((head) => `${head}****`));
  });
});
