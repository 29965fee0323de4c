import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/inspect/index.js';
import { base64, docxFiles, encodeJapanese, zipOf } from './fixtures.js';
import { expectOk, textAt } from './results.js';

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);
}

function binary(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

async function message(): Promise<Uint8Array> {
  const subject = `=?ISO-2022-JP?B?${Buffer.from(encodeJapanese('見積書の送付', 'JIS')).toString('base64')}?=`;
  const csv = encodeJapanese('氏名,マイナンバー\n山田,123456789018', 'SJIS');
  const docx = await zipOf(docxFiles());
  const nested = await zipOf({ 'a.txt': 'x' });
  const inner = 'From: a@example.com\r\nSubject: inner\r\n\r\ninner body 4111111111111111\r\n';
  return latin1(
    [
      'From: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.co.jp>',
      'To: hanako@partner.co.jp',
      `Subject: ${subject}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      'preamble',
      '--outer',
      'Content-Type: multipart/alternative; boundary=alt',
      '',
      '--alt',
      'Content-Type: text/plain; charset=ISO-2022-JP',
      'Content-Transfer-Encoding: 7bit',
      '',
      binary(encodeJapanese('お世話になっております。\r\n電話 03-1234-5678', 'JIS')),
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>=E3=81=8A=E4=B8=96=E8=A9=B1</p>',
      '--alt--',
      '--outer',
      'Content-Type: text/csv; name="list.csv"',
      "Content-Disposition: attachment; filename*=utf-8''%E5%90%8D%E7%B0%BF.csv",
      'Content-Transfer-Encoding: base64',
      '',
      base64(csv),
      '--outer',
      'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition: attachment;',
      ' filename="=?UTF-8?B?6KaL56mN5pu4LmRvY3g=?="',
      'Content-Transfer-Encoding: base64',
      '',
      base64(docx),
      '--outer',
      'Content-Type: application/zip; name=nested.zip',
      'Content-Transfer-Encoding: base64',
      '',
      base64(nested),
      '--outer',
      'Content-Type: message/rfc822',
      '',
      inner,
      '--outer--',
      '',
    ].join('\r\n'),
  );
}

describe('extractText on .eml messages', () => {
  it('reads headers, the plain body, attachment names and the attachments one level deep', async () => {
    const result = expectOk(await extractText('fwd.eml', await message()));
    expect(textAt(result, 'header')).toBe('from: 山田 太郎 <taro@example.co.jp>\nto: hanako@partner.co.jp\nsubject: 見積書の送付');
    expect(textAt(result, 'body')).toBe('お世話になっております。\r\n電話 03-1234-5678');
    expect(textAt(result, 'attachment-names')).toBe('名簿.csv\n見積書.docx\nnested.zip');
    expect(textAt(result, 'attachment:名簿.csv')).toBe('氏名,マイナンバー\n山田,123456789018');
    expect(textAt(result, 'attachment:見積書.docx#footer')).toBe('フッター taro@example.co.jp');
    expect(result.unread).toEqual([
      { where: 'attachment:nested.zip', status: 'uninspectable', reason: 'nested-archive' },
      { where: 'attachment:message-4.eml', status: 'uninspectable', reason: 'nested-archive' },
    ]);
  });

  it('reads an HTML-only message body as text', async () => {
    const eml = latin1(
      'Subject: x\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
        Buffer.from('<div>山田&amp;<script>x</script>太郎</div>').toString('base64'),
    );
    expect(textAt(await extractText('a.eml', eml), 'body')).toBe('山田&太郎');
  });

  it('recognises a message without the .eml name by its headers', async () => {
    const result = expectOk(await extractText('noname', latin1('Received: by x\r\nSubject: hello\r\n\r\nbody text\r\n')));
    expect(textAt(result, 'body')).toBe('body text\r\n');
  });
});
