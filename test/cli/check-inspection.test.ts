import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIo } from './captured-io.js';
import { aesZip, mailFile, MY_NUMBER, pdf, plainText, shiftJisCsv, workbook, type Mail } from './mail-fixtures.js';

const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  // Only content findings decide these verdicts: going outside alone is worth a note, not a confirmation.
  severities: { 'external-recipient': 'info', 'attachment-to-external': 'info' },
  personalData: [{ kind: 'my-number', recipients: 'external', atLeast: 1, action: 'block' }],
  encryptedAttachments: 'confirm',
  uninspectableAttachments: 'confirm',
  attachments: { protection: { external: 'none' } },
  partners: [
    { name: 'パートナー株式会社', domains: ['partner.co.jp'] },
    { name: 'アザー商事', domains: ['other.co.jp'] },
  ],
};

const EXTERNAL = 'Hanako <hanako@partner.co.jp>';

let directory = '';
const at = (...names: string[]): string => join(directory, ...names);

async function run(args: readonly string[]) {
  const io = capturedIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const check = (...args: string[]) => run(['check', '--policy', at('policy.json'), ...args]);

async function writeMail(path: string, mail: Mail): Promise<void> {
  await writeFile(path, mailFile(mail));
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-inspect-'));
  await writeFile(at('policy.json'), JSON.stringify(POLICY));
  const csv = shiftJisCsv();
  await writeMail(at('csv.eml'), { to: EXTERNAL, subject: '名簿の件', body: 'ご確認ください。', attachments: [csv] });
  await writeMail(at('xlsx.eml'), { to: EXTERNAL, subject: '一覧', body: '添付します。', attachments: [await workbook()] });
  await writeMail(at('zip.eml'), { to: EXTERNAL, subject: '資料', body: 'パスワードは別途お送りします。', attachments: [await aesZip()] });
  await writeMail(at('clean.eml'), {
    to: EXTERNAL,
    subject: '議事録',
    body: '本日はありがとうございました。',
    attachments: [plainText('議事録.txt', '次回は来週火曜日の予定です。')],
  });
  await writeMail(at('pdf.eml'), {
    to: EXTERNAL,
    subject: 'scan',
    body: 'see attached',
    attachments: [pdf('scan.pdf', `My Number ${'1234 5678 9018'}`)],
  });
  await writeMail(at('format-only.eml'), {
    to: EXTERNAL,
    subject: 'ref',
    body: 'see attached',
    attachments: [plainText('refs.txt', 'ref 123456789018')],
  });
  await writeMail(at('body.eml'), { to: EXTERNAL, subject: '手続き', body: `個人番号は ${MY_NUMBER} です。` });
  await writeMail(at('mismatch.eml'), {
    to: EXTERNAL,
    subject: '見積書',
    body: 'よろしくお願いします。',
    attachments: [plainText('アザー商事様_見積書.txt', '見積金額 100,000 円')],
  });
  await writeMail(at('big.eml'), {
    to: EXTERNAL,
    subject: 'log',
    body: 'log',
    attachments: [plainText('access.log', 'x'.repeat(1.5 * 1024 * 1024))],
  });
  await writeFile(
    at('snapshot-content.json'),
    JSON.stringify({
      to: [{ address: 'hanako@partner.co.jp' }],
      subject: 'list',
      attachments: [{ name: csv.name, size: csv.bytes.byteLength, contentBase64: Buffer.from(csv.bytes).toString('base64') }],
    }),
  );
  await writeFile(
    at('snapshot-names.json'),
    JSON.stringify({
      to: [{ address: 'hanako@partner.co.jp' }],
      subject: 'list',
      body: `個人番号 ${MY_NUMBER}`,
      attachments: [{ name: csv.name, size: csv.bytes.byteLength }],
    }),
  );

  await mkdir(at('outbox', 'archive'), { recursive: true });
  await writeMail(at('outbox', 'b-clean.eml'), { to: EXTERNAL, subject: 'hello', body: 'hello' });
  await writeMail(at('outbox', 'a-csv.EML'), { to: EXTERNAL, subject: '名簿', body: '添付します。', attachments: [csv] });
  await writeMail(at('outbox', 'c-zip.eml'), { to: EXTERNAL, subject: '資料', body: '資料です。', attachments: [await aesZip()] });
  await writeFile(at('outbox', 'd-broken.eml'), 'this is not a mail message\n');
  await writeFile(at('outbox', 'notes.txt'), 'not mail');
  await writeMail(at('outbox', 'archive', 'old.eml'), { to: EXTERNAL, subject: 'old', body: `個人番号 ${MY_NUMBER}` });
  await mkdir(at('empty'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('preflight check inspects content like the add-in', () => {
  it.each([
    [
      'csv.eml',
      2,
      'block',
      '[block] My Number (individual number) found in the attachment 社員名簿.csv: 1 (e.g. 1234 **** 9018). (personal-data)',
    ],
    ['xlsx.eml', 2, 'block', 'found in the attachment 顧客一覧.xlsx (sheet:顧客一覧)'],
    ['pdf.eml', 2, 'block', 'found in the attachment scan.pdf (page:1): 1 (e.g. 1234 **** 9018)'],
    ['body.eml', 2, 'block', '[block] My Number (individual number) found in the body: 1 (e.g. 1234 **** 9018). (personal-data)'],
    ['zip.eml', 1, 'confirm', '(encrypted-attachment)'],
    ['mismatch.eml', 1, 'confirm', '(attachment-mismatch)'],
    ['clean.eml', 0, 'allow', '    議事録.txt (42 bytes): read'],
  ])('%s exits %i (%s)', async (file, code, decision, line) => {
    const result = await check(at(file));
    expect(result.stdout.split('\n')[0]).toBe(`${at(file)}: ${decision}`);
    expect(result.stdout).toContain(line);
    expect(result.code).toBe(code);
    expect(result.stderr).toBe('');
  });

  it('lists what it read and found per attachment, with counts and no values', async () => {
    const csv = await check(at('csv.eml'));
    expect(csv.stdout).toContain('  Content inspection:\n    社員名簿.csv (');
    expect(csv.stdout).toMatch(/社員名簿\.csv \(\d+ bytes\): read; found My Number 1\n/);
    const zip = await check(at('zip.eml'));
    expect(zip.stdout).toMatch(/\n {4}資料\.zip \(\d+ bytes\): encrypted \(zip-aes\)\n/);
    const xlsx = await check(at('xlsx.eml'));
    // The fixture sheet holds the number twice: one match has context, the other counts by format alone.
    expect(xlsx.stdout).toMatch(/顧客一覧\.xlsx \(\d+ bytes\): read; found My Number 1 \(\+1 by format alone\)\n/);
    const formatOnly = await check(at('format-only.eml'));
    expect(formatOnly.stdout).toMatch(/refs\.txt \(\d+ bytes\): read; found My Number 1 by format alone\n/);
    const formatOnlyJa = await check('--lang', 'ja', at('format-only.eml'));
    expect(formatOnlyJa.stdout).toContain('形式のみ一致 1 件');
  });

  it('says so in Japanese with --lang ja', async () => {
    const result = await check('--lang', 'ja', at('csv.eml'));
    expect(result.stdout).toContain('送信不可 (block)');
    expect(result.stdout).toContain('添付ファイル 社員名簿.csv に個人番号（マイナンバー）が 1 件含まれています（例：1234 **** 9018）。');
    expect(result.stdout).toContain('  内容の検査:');
    expect(result.stdout).toMatch(/社員名簿\.csv \(\d+ バイト\): 読み取り済み、検出: マイナンバー 1 件/);
  });

  it('adds the inspection summary to the JSON verdict', async () => {
    const result = await check('--format', 'json', at('csv.eml'));
    const verdict = JSON.parse(result.stdout) as { decision: string; inspection: { attachments: unknown[] } };
    expect(verdict.decision).toBe('block');
    expect(verdict.inspection.attachments).toMatchObject([
      { name: '社員名簿.csv', status: 'inspected', personalData: [{ kind: 'my-number', high: 1, highSamples: ['1234 **** 9018'] }] },
    ]);
  });

  it('never prints a full My Number, in any format or language', async () => {
    const files = ['csv.eml', 'xlsx.eml', 'pdf.eml', 'body.eml', 'zip.eml', 'snapshot-content.json', 'outbox'].map((file) => at(file));
    const outputs: string[] = [];
    for (const options of [[], ['--lang', 'ja'], ['--format', 'json'], ['--format', 'json', '--lang', 'ja']]) {
      const result = await check(...options, ...files);
      expect(result.code).toBe(65);
      outputs.push(result.stdout, result.stderr);
    }
    const everything = outputs.join('\n');
    expect(everything).toContain('1234 **** 9018');
    expect(everything.replace(/[\s-]/g, '')).not.toContain(MY_NUMBER);
    expect(everything).not.toContain('5678');
  });

  it('stops reading at --max-attachment-mb and reports the attachment as not checked', async () => {
    const bounded = await check('--max-attachment-mb', '1', at('big.eml'));
    expect(bounded.code).toBe(1);
    expect(bounded.stdout).toContain('(uninspectable-attachment)');
    expect(bounded.stdout).toMatch(/access\.log \(\d+ bytes\): not read completely \(limit:total-bytes\)/);
    const defaults = await check(at('big.eml'));
    expect(defaults.code).toBe(0);
    expect(defaults.stdout).toMatch(/access\.log \(\d+ bytes\): read\n/);
  });
});

describe('snapshots', () => {
  it('inspects attachments that carry contentBase64', async () => {
    const result = await check('--format', 'json', at('snapshot-content.json'));
    expect(result.code).toBe(2);
    const verdict = JSON.parse(result.stdout) as { decision: string; findings: { rule: string }[] };
    expect(verdict.decision).toBe('block');
    expect(verdict.findings.map(({ rule }) => rule)).toContain('personal-data');
  });

  it('checks a snapshot without attachment content as Outlook does at Send: body inspected, attachments pending', async () => {
    const result = await check('--format', 'json', at('snapshot-names.json'));
    // My Number in the body blocks, as the send handler blocks it; the CLI used to say "allow" here.
    expect(result.code).toBe(2);
    const verdict = JSON.parse(result.stdout) as {
      decision: string;
      findings: { rule: string }[];
      inspection: { attachments: { status: string }[] };
    };
    expect(verdict.decision).toBe('block');
    expect(verdict.findings.map((finding) => finding.rule)).toContain('personal-data');
    expect(verdict.inspection.attachments.map((attachment) => attachment.status)).toEqual(['pending']);
  });
});

describe('a folder of mail', () => {
  it('checks the .eml files directly inside it, sorted, and ends with a summary line', async () => {
    const result = await check(at('outbox'));
    expect(result.code).toBe(65);
    const headers = result.stdout.split('\n').filter((line) => line.startsWith(directory));
    expect(headers).toEqual([
      `${at('outbox', 'a-csv.EML')}: block`,
      `${at('outbox', 'b-clean.eml')}: allow`,
      `${at('outbox', 'c-zip.eml')}: confirm`,
    ]);
    expect(result.stdout.endsWith('\nSummary: 4 checked, 1 allow / 1 confirm / 1 block / 1 errors\n')).toBe(true);
    expect(result.stderr).toBe(
      `preflight: ${at('outbox', 'd-broken.eml')}: cannot read this message:\n  $: not a mail message: no From, To, Cc, Bcc, Subject, Date or Message-ID header\n`,
    );
  });

  it('exits with the worst decision when every file is readable', async () => {
    const result = await check(at('outbox', 'archive'), at('clean.eml'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Summary: 2 checked, 1 allow / 0 confirm / 1 block / 0 errors');
  });

  it('prints a JSON array for a folder and keeps the summary on stderr', async () => {
    const result = await check('--format', 'json', '--lang', 'ja', at('outbox', 'archive'));
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject([{ file: at('outbox', 'archive', 'old.eml'), decision: 'block' }]);
    expect(result.stderr).toBe('集計: 1 件をチェック、送信可 0 / 要確認 0 / 送信不可 1 / エラー 0\n');
  });

  it('treats a folder without .eml files as unreadable (exit 65)', async () => {
    const result = await check(at('empty'));
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(`${at('empty')}: cannot read this message:\n  $: a folder without any .eml file`);
  });
});
