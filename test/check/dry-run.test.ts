// The admin console's dry-run: real .eml files read by src/inspect, checked under the active policy and a
// draft, side by side (docs/admin.md "Dry-run").
import { describe, expect, it } from 'vitest';
import { dryRun } from '../../src/check/index.js';
import { readEmlSnapshot } from '../../src/inspect/index.js';
import { parsePolicy, type Policy } from '../../src/policy/index.js';

function policy(document: object): Policy {
  const parsed = parsePolicy({ version: 1, internalDomains: ['example.co.jp'], ...document });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

function eml(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\r\n'));
}

const QUOTE = eml([
  'From: Taro <taro@example.co.jp>',
  'To: hanako@partner.example',
  'Subject: 見積書の送付',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'よろしくお願いします。',
]);
const INSIDE = eml(['From: taro@example.co.jp', 'To: jiro@example.co.jp', 'Subject: lunch', '', 'noon?']);

async function message(name: string, bytes: Uint8Array) {
  const read = await readEmlSnapshot(bytes);
  if (!read.ok) throw new Error(read.reason);
  return { name, snapshot: read.snapshot, attachments: [] };
}

describe('dryRun', () => {
  it('shows the message a new blocking keyword changes, and leaves the other unchanged', async () => {
    const messages = [await message('quote.eml', QUOTE), await message('inside.eml', INSIDE)];
    const rows = dryRun(messages, policy({}), policy({ keywords: [{ term: '見積', action: 'block' }] }));
    expect(rows[0]).toMatchObject({
      name: 'quote.eml',
      changed: true,
      active: { decision: 'confirm', blocking: [] },
      draft: { decision: 'block', blocking: ['keyword'] },
    });
    expect(rows[0]!.draft.rules).toContain('keyword');
    expect(rows[1]).toMatchObject({ name: 'inside.eml', changed: false, active: { decision: 'allow' }, draft: { decision: 'allow' } });
  });

  it('reads an .eml in a way any host can: HTML bodies as text, attachments with their exact size', async () => {
    const bytes = eml([
      'From: taro@example.co.jp',
      'To: hanako@partner.example',
      'Subject: html',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>こんにちは&amp;<b>world</b></p>',
      '--b',
      'Content-Type: application/octet-stream; name="a.bin"',
      'Content-Disposition: attachment; filename="a.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      'AAECAwQ=',
      '--b--',
      '',
    ]);
    const read = await readEmlSnapshot(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.snapshot.body).toContain('こんにちは&world');
    expect(read.snapshot.attachments).toEqual([{ name: 'a.bin', size: 5, inline: false, contentBase64: 'AAECAwQ=' }]);
    expect(await readEmlSnapshot(new TextEncoder().encode('just text'))).toMatchObject({ ok: false, reason: 'no-headers' });
  });
});
