import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { emptyHistory, encodeHistory, historyDay, historyKeyFrom, recordRecipients } from '../../src/policy/index.js';
import { capturedIo } from './captured-io.js';

// capturedIo's clock: 2025-01-01.
const POLICY = { version: 1, internalDomains: ['example.co.jp'], recipientHistory: { days: 30 } };

const SNAPSHOTS: Readonly<Record<string, unknown>> = {
  'hanako.json': { to: [{ address: 'hanako@partner.co.jp' }], subject: 'quote' },
  'tanaka.json': { to: [{ address: 'tanaka@partner.co.jp' }], subject: 'quote' },
  'stranger.json': { to: [{ address: 'someone@elsewhere.example' }], subject: 'quote' },
};

const LISTS: Readonly<Record<string, string>> = {
  'sent.txt': ['# written to this month', 'hanako@partner.co.jp', '', 'tanaka.k@partner.co.jp\t2024-12-20  # a comment', ''].join('\n'),
  'dated.txt': 'hanako@partner.co.jp 2024-12-15\n',
  'old.txt': 'hanako@partner.co.jp 2024-11-01\n',
  'bad.txt': ['hanako@partner.co.jp', 'not-an-address', 'jiro@partner.co.jp 2024-02-30', 'a@partner.co.jp 2024-12-01 extra'].join('\n'),
  'bad-value.txt': '# copied from the mailbox\nh1.too-short.AAAA\n',
  'h1-address.txt': 'h1.ito@partner.co.jp\n',
};

let directory = '';
const at = (name: string): string => join(directory, name);

async function run(args: readonly string[], nowMs?: number) {
  const captured = capturedIo();
  const io = nowMs === undefined ? captured : { ...captured, nowMs: () => nowMs };
  const code = await main(args, io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const check = (history: string | null, message: string, nowMs?: number) =>
  run(['check', '--policy', at('policy.json'), ...(history === null ? [] : ['--history', at(history)]), at(message)], nowMs);

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-history-'));
  await writeFile(at('policy.json'), JSON.stringify(POLICY));
  for (const [name, snapshot] of Object.entries(SNAPSHOTS)) await writeFile(at(name), JSON.stringify(snapshot));
  for (const [name, text] of Object.entries(LISTS)) await writeFile(at(name), text);
  const key = historyKeyFrom(new Uint8Array(16).fill(7));
  const sent = recordRecipients(emptyHistory(key), ['tanaka.k@partner.co.jp'], historyDay(Date.UTC(2024, 11, 24)), {
    days: 365,
    maxEntries: 100,
  });
  await writeFile(at('roaming.txt'), `\n${encodeHistory(sent)}\n`);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('preflight check --history', () => {
  it('calls nobody first-time without --history', async () => {
    const result = await check(null, 'stranger.json');
    expect(result.stdout).not.toContain('first-time-recipient');
  });

  it('knows the addresses of a list, undated ones as written to today', async () => {
    const result = await check('sent.txt', 'hanako.json');
    expect(result.stdout).not.toContain('first-time-recipient');
    expect(result.stderr).toBe('');
  });

  it('calls an address outside the list first-time', async () => {
    const result = await check('sent.txt', 'stranger.json');
    expect(result.stdout).toContain('You have not written to someone@elsewhere.example before. (first-time-recipient)');
  });

  it('names the nearest known address at a known domain in the text output', async () => {
    const result = await check('sent.txt', 'tanaka.json');
    expect(result.stdout).toContain(
      'You have not written to tanaka@partner.co.jp before. You have written to tanaka.k@partner.co.jp: is that the one you meant?',
    );
  });

  it('keeps a dated address within recipientHistory.days of the run', async () => {
    expect((await check('dated.txt', 'hanako.json')).stdout).not.toContain('first-time-recipient');
  });

  it('calls an address older than recipientHistory.days first-time again', async () => {
    const result = await check('old.txt', 'hanako.json');
    expect(result.stdout).toContain('You have not written to hanako@partner.co.jp before. (first-time-recipient)');
  });

  it('prunes as of the run clock', async () => {
    const later = await check('dated.txt', 'hanako.json', Date.UTC(2025, 1, 1));
    expect(later.stdout).toContain('You have not written to hanako@partner.co.jp before. (first-time-recipient)');
  });

  it("reads the add-in's roaming-settings value", async () => {
    const result = await run([
      'check',
      '--policy',
      at('policy.json'),
      '--history',
      at('roaming.txt'),
      '--format',
      'json',
      at('tanaka.json'),
    ]);
    const verdict = JSON.parse(result.stdout) as { findings: { rule: string; params: Record<string, unknown> }[] };
    const finding = verdict.findings.find((entry) => entry.rule === 'first-time-recipient');
    expect(finding?.params).toEqual({ address: 'tanaka@partner.co.jp', nearest: 'tanaka.k@partner.co.jp' });
  });

  it('prunes a roaming-settings value with the policy limits too', async () => {
    const result = await check('roaming.txt', 'tanaka.json', Date.UTC(2025, 1, 1));
    expect(result.stdout).toContain('You have not written to tanaka@partner.co.jp before. (first-time-recipient)');
  });

  it('reads an address starting with h1. as an address', async () => {
    const result = await check('h1-address.txt', 'hanako.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('You have written to this domain, but not to hanako@partner.co.jp.');
  });
});

describe('preflight check --history with a bad file', () => {
  it('names every bad line by file:line and checks no message (exit 65)', async () => {
    const result = await check('bad.txt', 'hanako.json');
    expect(result.code).toBe(65);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `preflight: cannot use the recipient history ${at('bad.txt')}, so no message was checked:`,
      `  ${at('bad.txt')}:2: not a mail address: "not-an-address"`,
      `  ${at('bad.txt')}:3: not a date as YYYY-MM-DD: "2024-02-30"`,
      `  ${at('bad.txt')}:4: expected an address, optionally followed by a date (YYYY-MM-DD): "a@partner.co.jp 2024-12-01 extra"`,
      '',
    ]);
  });

  it('says what is wrong with an h1. value that does not decode', async () => {
    const result = await check('bad-value.txt', 'hanako.json');
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(`  ${at('bad-value.txt')}:2: not a usable h1. history value: the key is not 22 base64url characters`);
  });

  it('words the problem in Japanese with --lang ja', async () => {
    const result = await run(['check', '--lang', 'ja', '--policy', at('policy.json'), '--history', at('bad.txt'), at('hanako.json')]);
    expect(result.stderr).toContain(`  ${at('bad.txt')}:2: メールアドレスではありません:「not-an-address」`);
  });

  it('words an h1. value problem in Japanese too, with its figures', async () => {
    await writeFile(at('odd-length.txt'), `h1.${'A'.repeat(22)}.AAAA\n`);
    const result = await run([
      'check',
      '--lang',
      'ja',
      '--policy',
      at('policy.json'),
      '--history',
      at('odd-length.txt'),
      at('hanako.json'),
    ]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(
      `  ${at('odd-length.txt')}:1: h1. 形式の送信履歴の値として使えません: エントリが 4 文字で、16 の倍数ではありません`,
    );
  });

  it('exits 65 for a history file that does not exist', async () => {
    const result = await check('missing.txt', 'hanako.json');
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('file not found');
  });

  it('says the file is not used when the policy keeps no history, and calls nobody first-time', async () => {
    await writeFile(at('no-history.json'), JSON.stringify({ ...POLICY, recipientHistory: { enabled: false } }));
    const result = await run(['check', '--policy', at('no-history.json'), '--history', at('sent.txt'), at('stranger.json')]);
    expect(result.stderr).toContain(
      `preflight: the policy keeps no recipient history (recipientHistory.enabled is false), so ${at('sent.txt')} is not used.`,
    );
    expect(result.stdout).not.toContain('first-time-recipient');
  });

  it('refuses --history for policy check with the usage error', async () => {
    const result = await run(['policy', 'check', '--history', at('sent.txt'), at('policy.json')]);
    expect(result).toEqual({
      code: 64,
      stdout: '',
      stderr: 'preflight: option --history does not apply to `policy check`\nRun `preflight help policy` for usage.\n',
    });
  });
});
