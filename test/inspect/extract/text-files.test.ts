import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/inspect/index.js';
import { encodeJapanese, utf8 } from './fixtures.js';
import { expectOk, textAt } from './results.js';

const JAPANESE = '氏名,マイナンバー,住所\n山田 太郎,123456789018,東京都千代田区丸の内一丁目1番1号\n①㈱髙橋,ｶﾀｶﾅ,〒100-0001';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[2 + index * 2] = littleEndian ? code & 0xff : code >> 8;
    bytes[3 + index * 2] = littleEndian ? code >> 8 : code & 0xff;
  }
  return bytes;
}

describe('extractText on text files', () => {
  it.each([
    ['UTF-8 without BOM', 'list.csv', utf8(JAPANESE)],
    ['UTF-8 with BOM', 'list.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JAPANESE)])],
    ['UTF-16LE with BOM', 'list.txt', utf16(JAPANESE, true)],
    ['UTF-16BE with BOM', 'list.tsv', utf16(JAPANESE, false)],
    ['Shift_JIS (CP932)', 'list.csv', encodeJapanese(JAPANESE, 'SJIS')],
    ['EUC-JP', 'memo.txt', encodeJapanese(JAPANESE.replace('①㈱髙橋', '高橋'), 'EUCJP')],
    ['ISO-2022-JP', 'memo.txt', encodeJapanese(JAPANESE.replace('①㈱髙橋', '高橋').replace('ｶﾀｶﾅ', 'カタカナ'), 'JIS')],
  ])('decodes %s', async (_label, name, bytes) => {
    const result = expectOk(await extractText(name, bytes));
    const text = textAt(result, 'text');
    expect(text).toContain('山田 太郎,123456789018,東京都千代田区丸の内一丁目1番1号');
    expect(text).toContain('〒100-0001');
    expect(result.bytesRead).toBe(bytes.length);
  });

  it('keeps CP932-only characters of Shift_JIS text', async () => {
    const result = expectOk(await extractText('list.csv', encodeJapanese(JAPANESE, 'SJIS')));
    expect(textAt(result, 'text')).toContain('①㈱髙橋');
  });

  it('reads text whose name says nothing when the bytes look like text', async () => {
    const result = expectOk(await extractText('README', encodeJapanese('電話 03-1234-5678', 'SJIS')));
    expect(textAt(result, 'text')).toBe('電話 03-1234-5678');
  });

  it('reads HTML without scripts, styles and comments, with entities decoded', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="shift_jis"><title>t</title><style>p { color: red }</style></head>
      <body><script>var secret = "123456789018";</script><!-- 444433332222 -->
      <p>山田&nbsp;太郎&#12288;様 &amp; &lt;営業部&gt; &#x41;&#66;</p><table><tr><td>番号</td><td>1234-5678-9018</td></tr></table>
      <p>1 &lt; 2 &unknown; x<1</p></body></html>`;
    const result = expectOk(await extractText('page.html', encodeJapanese(html, 'SJIS')));
    const text = textAt(result, 'text');
    expect(text).toContain('山田\u00a0太郎\u3000様 & <営業部> AB');
    expect(text).toContain('番号\t1234-5678-9018');
    expect(text).toContain('1 < 2 &unknown; x<1');
    expect(text).not.toContain('123456789018');
    expect(text).not.toContain('444433332222');
    expect(text).not.toContain('color');
  });

  it('survives an unclosed script element by dropping the rest', async () => {
    const result = expectOk(await extractText('a.htm', utf8('<p>前</p><script>alert(1)')));
    expect(textAt(result, 'text')).toBe('前');
  });

  it('returns no parts for an empty text file', async () => {
    const result = expectOk(await extractText('empty.txt', new Uint8Array()));
    expect(result.parts).toEqual([]);
  });
});
