import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEml } from '../../src/cli/eml-reader.js';
import { parseMessageFile } from '../../src/cli/message-input.js';

const CRLF = '\r\n';
const ESC = '\x1b';

/** ISO-2022-JP as Japanese mail clients still send it; the encoded words were made with Python's iso2022_jp codec. */
const JIS_MAIL = [
  'From: =?ISO-2022-JP?B?GyRCOzNFRBsoQiAbJEJCQE86GyhC?= <taro@example.co.jp>', // 山田 太郎
  'To: =?ISO-2022-JP?B?GyRCOjRGIxsoQiAbJEIyVjtSGyhC?= <hanako@partner.co.jp>, jiro@example.co.jp', // 佐藤 花子
  'Subject: =?ISO-2022-JP?B?GyRCIVo7ajVeIVs4K0BRPXEkTkF3SVUbKEI=?=', // 【至急】見積書の送付
  'In-Reply-To: <original@example.co.jp>',
  'References: <original@example.co.jp>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=ISO-2022-JP',
  'Content-Transfer-Encoding: 7bit',
  '',
  // お世話になっております。見積書を送付します。
  `${ESC}$B$*@$OC$K$J$C$F$*$j$^$9!#8+@Q=q$rAwIU$7$^$9!#${ESC}(B`,
  '',
].join(CRLF);

const MULTIPART_MAIL = [
  'From: taro@example.co.jp',
  'To: Team: a@partner.co.jp, "B" <b@other.example>;',
  'Cc: "c@partner.co.jp" <c@partner.co.jp>',
  'Bcc: audit@example.co.jp',
  'Subject: quote',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/related; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>Please find the quote&nbsp;attached.</p><img src="cid:logo@x"></body></html>',
  '--inner',
  'Content-Type: image/png',
  'Content-ID: <logo@x>',
  'Content-Disposition: inline; filename="logo.png"',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--inner--',
  '--outer',
  "Content-Type: text/csv; name*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.csv",
  "Content-Disposition: attachment; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.csv",
  'Content-Transfer-Encoding: base64',
  '',
  'YSxiCjEsMgo=',
  '--outer--',
  '',
].join(CRLF);

const QUOTED_PRINTABLE_MAIL = [
  'From: taro@example.co.jp',
  'To: hanako@partner.co.jp',
  'Subject: =?UTF-8?Q?=E7=A4=BE=E5=A4=96=E7=A7=98?=',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'This is =E7=A4=BE=E5=A4=96=E7=A7=98 and a soft=',
  ' line break.',
  '',
].join(CRLF);

let directory = '';

async function fixture(name: string, content: string | Uint8Array): Promise<Uint8Array> {
  const path = join(directory, name);
  await writeFile(path, content);
  return readFile(path);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-eml-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('readEml', () => {
  it('decodes ISO-2022-JP subject, display names and body', async () => {
    const parsed = await readEml(await fixture('jis.eml', JIS_MAIL));
    expect(parsed).toEqual({
      ok: true,
      value: {
        from: { address: 'taro@example.co.jp', name: '山田 太郎' },
        to: [{ address: 'hanako@partner.co.jp', name: '佐藤 花子' }, { address: 'jiro@example.co.jp' }],
        cc: [],
        bcc: [],
        subject: '【至急】見積書の送付',
        body: 'お世話になっております。見積書を送付します。\n',
        attachments: [],
      },
    });
  });

  it('leaves originalRecipients absent even for a reply', async () => {
    const parsed = await readEml(await fixture('reply.eml', JIS_MAIL));
    expect(parsed.ok && parsed.value).not.toHaveProperty('originalRecipients');
  });

  it('reads a multipart message: groups as members, HTML-only body as text, attachments with content', async () => {
    const parsed = await readEml(await fixture('multipart.eml', MULTIPART_MAIL));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const snapshot = parsed.value;
    expect(snapshot.to).toEqual([{ address: 'a@partner.co.jp' }, { address: 'b@other.example', name: 'B' }]);
    expect(snapshot.cc).toEqual([{ address: 'c@partner.co.jp' }]);
    expect(snapshot.bcc).toEqual([{ address: 'audit@example.co.jp' }]);
    expect(snapshot.body).toBe('Please find the quote\u00a0attached.');
    expect(snapshot.attachments).toEqual([
      { name: 'logo.png', size: 8, inline: true, contentBase64: 'iVBORw0KGgo=' },
      { name: '見積書.csv', size: 8, inline: false, contentBase64: 'YSxiCjEsMgo=' },
    ]);
  });

  it('decodes a quoted-printable body and an encoded-word subject', async () => {
    const parsed = await readEml(await fixture('qp.eml', QUOTED_PRINTABLE_MAIL));
    expect(parsed).toMatchObject({ ok: true, value: { subject: '社外秘', body: 'This is 社外秘 and a soft line break.\n' } });
  });

  it.each<[string, string | Uint8Array]>([
    ['an empty file', ''],
    ['text without mail headers', 'just some notes\nand more notes\n'],
    ['binary bytes', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
  ])('rejects %s as not a mail message', async (_name, content) => {
    const parsed = await readEml(await fixture('not-mail.eml', content));
    expect(parsed).toEqual({ ok: false, problems: [{ path: '$', message: { key: 'cli.eml.noHeaders' } }] });
  });
});

describe('parseMessageFile', () => {
  it('reads .json as a snapshot and anything else as mail', async () => {
    const json = await fixture('message.JSON', JSON.stringify({ subject: 'from json' }));
    expect(await parseMessageFile('message.JSON', json)).toMatchObject({ ok: true, value: { subject: 'from json' } });
    expect(await parseMessageFile('message.eml', json)).toMatchObject({ ok: false });
    const mail = await fixture('message.txt', QUOTED_PRINTABLE_MAIL);
    expect(await parseMessageFile('message.txt', mail)).toMatchObject({ ok: true, value: { subject: '社外秘' } });
  });

  it('reports bad JSON and non-UTF-8 snapshots at $', async () => {
    expect(await parseMessageFile('a.json', await fixture('bad.json', '{"to": ['))).toMatchObject({
      ok: false,
      problems: [{ path: '$', message: { key: 'cli.input.badJson' } }],
    });
    expect(await parseMessageFile('a.json', await fixture('latin1.json', new Uint8Array([0x7b, 0xff, 0x7d])))).toEqual({
      ok: false,
      problems: [{ path: '$', message: { key: 'cli.input.notUtf8' } }],
    });
  });
});
