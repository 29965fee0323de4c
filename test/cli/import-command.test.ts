import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './captured-io.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/import');
const FLEXCONFIRMMAIL = join(FIXTURES, 'flexconfirmmail');
const OUTLOOKOKAN = join(FIXTURES, 'outlookokan');

let scratch = '';

const run = runCli;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'preflight-import-'));
  await mkdir(join(scratch, 'empty'));
  await writeFile(join(scratch, 'empty', 'readme.txt'), 'nothing here\n');
  await mkdir(join(scratch, 'sjis'));
  // 社外秘 in Shift_JIS: FlexConfirmMail would read it as broken text too.
  await writeFile(join(scratch, 'sjis', 'UnsafeFiles.txt'), Uint8Array.from([0x8e, 0xd0, 0x8a, 0x4f, 0x94, 0xe9]));
  await mkdir(join(scratch, 'lower-case'));
  await writeFile(join(scratch, 'lower-case', 'trusteddomains.TXT'), 'example.co.jp\n');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('preflight policy import', () => {
  it('writes the FlexConfirmMail policy to stdout and lists what it left behind on stderr', async () => {
    const { code, stdout, stderr } = await run(['policy', 'import', '--from', 'flexconfirmmail', FLEXCONFIRMMAIL]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as Record<string, unknown>;
    expect(document).toMatchObject({ version: 1, blockedRecipients: ['@leak.example', '*@competitor.example'] });
    expect(stderr).toContain(
      `Read from ${FLEXCONFIRMMAIL}: Common.txt, TrustedDomains.txt, UnsafeBodies.txt, UnsafeDomains.txt, UnsafeFiles.txt`,
    );
    expect(stderr).toContain('Not carried over, or carried over with a difference (25):');
    expect(stderr).toContain('  Common.txt:2: CountEnabled = yes\n    Preflight has no countdown before sending;');
    expect(stderr).toContain('  Common.txt:10: DelayDeliverySeconds = 90\n    Preflight holds for whole minutes: 90 s became 2 min.');
    expect(stderr).toContain('  Notes.txt\n    Not a file this product reads; ignored.');
  });

  it('speaks Japanese with --lang ja or LANG', async () => {
    const flag = await run(['policy', 'import', '--lang', 'ja', '--from', 'outlookokan', OUTLOOKOKAN]);
    const environment = await run(['policy', 'import', '--from', 'outlookokan', OUTLOOKOKAN], { LANG: 'ja_JP.UTF-8' });
    for (const { code, stderr } of [flag, environment]) {
      expect(code).toBe(0);
      expect(stderr).toContain('引き継げなかった設定、または違いのある設定 (15 件):');
      expect(stderr).toContain(
        '  DeferredDeliveryMinutes.csv:2: ceo@partner.example,30\n    Preflight はすべてのメッセージを同じ時間保留します',
      );
    }
    expect(flag.stdout).toBe(environment.stdout);
  });

  it('keeps a CSV field with a line break on one line of the list', async () => {
    const { stderr } = await run(['policy', 'import', '--from', 'outlookokan', OUTLOOKOKAN]);
    expect(stderr).toContain('  AlertKeywordAndMessageList.csv:2: 見積: 見積書の 金額を確認\n');
  });

  it('writes --out FILE instead of stdout', async () => {
    const out = join(scratch, 'policy.json');
    const { code, stdout, stderr } = await run(['policy', 'import', '--from', 'outlookokan', '--out', out, OUTLOOKOKAN]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Wrote the policy to ${out}.`);
    const written = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ version: 1, bccAction: 'move', delaySend: { minutes: 5, when: 'external' } });
  });

  it('finds the files whatever the case of their names, and says when everything was carried', async () => {
    const { code, stdout, stderr } = await run(['policy', 'import', '--from', 'flexconfirmmail', join(scratch, 'lower-case')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ version: 1, internalDomains: ['@example.co.jp'] });
    expect(stderr).toContain('trusteddomains.TXT');
    expect(stderr).toContain('Every setting was carried over.');
  });

  it.each<[string, string[], number, string]>([
    ['a folder that does not exist', ['--from', 'flexconfirmmail', 'no-such-folder'], 65, 'preflight: no-such-folder is not a folder'],
    ['a file instead of a folder', ['--from', 'flexconfirmmail', join(FLEXCONFIRMMAIL, 'Common.txt')], 65, 'is not a folder'],
    ['no --from', [FLEXCONFIRMMAIL], 64, '--from is required: flexconfirmmail or outlookokan\nRun `preflight help policy` for usage.'],
  ])('refuses %s', async (_name, args, expected, message) => {
    const { code, stdout, stderr } = await run(['policy', 'import', ...args]);
    expect(code).toBe(expected);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('refuses a folder without any of the product files, naming them', async () => {
    const folder = join(scratch, 'empty');
    const { code, stdout, stderr } = await run(['policy', 'import', '--from', 'outlookokan', folder]);
    expect(code).toBe(65);
    expect(stdout).toBe('');
    expect(stderr).toContain(`preflight: ${folder} holds none of the OutlookOkan files: GeneralSetting.csv, InternalDomainList.csv`);
  });

  it('refuses a file in another encoding and writes no policy from the rest', async () => {
    const { code, stdout, stderr } = await run(['policy', 'import', '--from', 'flexconfirmmail', join(scratch, 'sjis')]);
    expect(code).toBe(65);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `preflight: ${join(scratch, 'sjis', 'UnsafeFiles.txt')}: neither UTF-8 nor UTF-16 with a byte order mark (save it as UTF-8 and try again)\n`,
    );
  });

  it('exits 73 when --out cannot be written', async () => {
    const out = join(scratch, 'no-such-folder', 'policy.json');
    const { code, stdout, stderr } = await run(['policy', 'import', '--from', 'outlookokan', '--out', out, OUTLOOKOKAN]);
    expect(code).toBe(73);
    expect(stdout).toBe('');
    expect(stderr).toContain(`preflight: cannot write ${out}:`);
  });
});
