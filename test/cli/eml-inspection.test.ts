// `preflight check` inspects the attachments of .eml files with the pane's extraction and summary.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { encodeJapanese, xlsxFiles, zipOf } from '../inspect/extract/fixtures.js';
import { capturedIo } from './captured-io.js';

const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  personalData: [{ kind: 'my-number', recipients: 'external', atLeast: 1, action: 'block' }],
  encryptedAttachments: 'block',
  attachments: { protection: { external: 'none' } },
};

function mail(to: string, attachments: readonly { name: string; bytes: Uint8Array }[]): string {
  const boundary = 'preflight-boundary';
  const parts = attachments.map(({ name, bytes }) =>
    [
      `--${boundary}`,
      `Content-Type: application/octet-stream; name="${name}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${name}"`,
      '',
      Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n'),
    ].join('\r\n'),
  );
  return [
    'From: taro@example.co.jp',
    `To: ${to}`,
    'Subject: files',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please see the attachment.',
    ...parts,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

let directory = '';
const at = (name: string): string => join(directory, name);

async function check(...files: string[]) {
  const io = capturedIo();
  const code = await main(['check', '--policy', at('policy.json'), ...files.map(at)], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-cli-inspect-'));
  await writeFile(at('policy.json'), JSON.stringify(POLICY));
  const csv = encodeJapanese('氏名,個人番号\n山田太郎,1234-5678-9018\n', 'SJIS');
  await writeFile(at('csv.eml'), mail('hanako@partner.example', [{ name: 'meibo.csv', bytes: csv }]));
  await writeFile(at('xlsx.eml'), mail('hanako@partner.example', [{ name: 'list.xlsx', bytes: await zipOf(xlsxFiles()) }]));
  await writeFile(at('internal.eml'), mail('jiro@example.co.jp', [{ name: 'meibo.csv', bytes: csv }]));
  const { ZipWriter, Uint8ArrayReader, Uint8ArrayWriter } = await import('@zip.js/zip.js');
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password: 'correct horse battery', encryptionStrength: 3 });
  await writer.add('a.txt', new Uint8ArrayReader(new TextEncoder().encode('secret')));
  await writeFile(at('ppap.eml'), mail('hanako@partner.example', [{ name: 'files.zip', bytes: await writer.close() }]));
  await writeFile(
    at('clean.eml'),
    mail('hanako@partner.example', [{ name: 'note.txt', bytes: new TextEncoder().encode('See you on Monday.') }]),
  );
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('preflight check inspects .eml attachments', () => {
  it.each([
    ['csv.eml', 'Shift_JIS CSV with My Number to the outside', 2, 'my-number'],
    ['xlsx.eml', 'xlsx with My Number to the outside', 2, 'my-number'],
    ['ppap.eml', 'password ZIP to the outside', 2, 'encrypted-attachment'],
  ])('%s (%s) exits %i naming %s', async (file, _label, code, what) => {
    const result = await check(file);
    expect(result.code).toBe(code);
    expect(result.stdout).toMatch(what === 'my-number' ? /My Number/ : /encrypt|password/i);
  });

  it('shows only masked samples, in text and JSON', async () => {
    const text = await check('csv.eml', 'xlsx.eml');
    expect(text.stdout).toContain('1234 **** 9018');
    expect(text.stdout).not.toContain('123456789018');
    expect(text.stdout).not.toContain('1234-5678-9018');
    const io = capturedIo();
    await main(['check', '--format', 'json', '--policy', at('policy.json'), at('csv.eml')], io);
    expect(io.stdout()).toContain('1234 **** 9018');
    expect(io.stdout()).not.toMatch(/123456789018|1234-5678-9018/);
  });

  it('lets clean attachments, and My Number that stays inside, through as the policy says', async () => {
    expect((await check('clean.eml')).stdout).not.toMatch(/My Number|not inspected/);
    expect((await check('internal.eml')).code).toBe(0);
  });
});
