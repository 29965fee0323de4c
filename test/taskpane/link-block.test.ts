import { describe, expect, it } from 'vitest';
import { linkBlock } from '../../src/taskpane/link-block.js';
import { paneText } from '../../src/taskpane/pane-text.js';

const LINKS = {
  id: 'p1',
  expiresAt: '2026-11-29T09:00:00.000Z',
  links: [
    { recipient: 'hanako@partner.example', url: 'https://preflight.example/d/AAAA' },
    { recipient: 'bob@other.example', url: 'https://preflight.example/d/BBBB' },
  ],
};
const FILES = [
  { name: '見積書.xlsx', size: 2_500_000 },
  { name: '<b>x</b>.pdf', size: 900 },
];

describe('linkBlock', () => {
  it('lists files with sizes, the expiry in the given zone, the code step and one link per recipient, in English', () => {
    const block = linkBlock({ links: LINKS, files: FILES, requireCode: true, maxDownloads: 3, timeZone: 'Asia/Tokyo' }, paneText('en'));
    const lines = block.text.split('\n');
    expect(lines).toContain('  見積書.xlsx (2.4 MB)');
    expect(lines).toContain('  <b>x</b>.pdf (900 bytes)');
    expect(block.text).toContain('Available until 29 November 2026 at 18:00 GMT+9, at most 3 downloads per recipient.');
    expect(block.text).toContain('a one-time code is sent to your address');
    expect(lines).toContain('  hanako@partner.example: https://preflight.example/d/AAAA');
    expect(lines).toContain('  bob@other.example: https://preflight.example/d/BBBB');
  });

  it('writes Japanese when asked, and leaves out the code step when no code is required', () => {
    const block = linkBlock({ links: LINKS, files: FILES, requireCode: false, maxDownloads: 1, timeZone: 'Asia/Tokyo' }, paneText('ja'));
    expect(block.text).toContain('このメールの添付ファイルは、安全なダウンロードリンクでお送りします');
    expect(block.text).toContain('2026年11月29日 18:00 JST まで、宛先ごとに 1 回までダウンロードできます。');
    expect(block.text).not.toContain('ワンタイムコード');
  });

  it('escapes names in the HTML and makes each URL a link', () => {
    const { html } = linkBlock({ links: LINKS, files: FILES, requireCode: false, maxDownloads: 1, timeZone: 'UTC' }, paneText('en'));
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;.pdf');
    expect(html).toContain('<a href="https://preflight.example/d/AAAA">https://preflight.example/d/AAAA</a>');
    expect(html.match(/<a href=/g)).toHaveLength(2);
  });
});
