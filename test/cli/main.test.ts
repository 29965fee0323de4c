import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './captured-io.js';

const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  blockedRecipients: ['blocked.example'],
  keywords: [{ term: '社外秘', action: 'block', where: ['subject', 'body'] }],
};

const SNAPSHOTS: Readonly<Record<string, unknown>> = {
  'allow.json': { from: { address: 'taro@example.co.jp' }, to: [{ address: 'jiro@example.co.jp' }], subject: 'lunch' },
  'confirm.json': { to: [{ address: 'hanako@partner.co.jp', name: 'Hanako' }], subject: 'quote' },
  'block.json': { to: [{ address: 'someone@blocked.example' }], subject: 'hello' },
  'broken.json': { to: [{ address: 'a@example.co.jp' }, { address: 5 }] },
  'lookalike.json': { to: [{ address: 'w@\u0435xample.co.jp' }], subject: 'hello' },
};

const JIS_MAIL = [
  'From: =?ISO-2022-JP?B?GyRCOzNFRBsoQiAbJEJCQE86GyhC?= <taro@example.co.jp>',
  'To: hanako@partner.co.jp',
  'Subject: =?ISO-2022-JP?B?GyRCIVo7ajVeIVs4K0BRPXEkTkF3SVUbKEI=?=',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'body',
  '',
].join('\r\n');

let directory = '';
const at = (name: string): string => join(directory, name);

const run = runCli;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'preflight-cli-'));
  await writeFile(at('policy.json'), JSON.stringify(POLICY));
  await writeFile(at('bad-policy.json'), JSON.stringify({ version: 1, internalDomains: ['example.co.jp', 42], onError: 'maybe' }));
  await writeFile(at('not-json.json'), '{ "version": 1, ');
  await writeFile(at('quote.eml'), JIS_MAIL);
  for (const [name, snapshot] of Object.entries(SNAPSHOTS)) await writeFile(at(name), JSON.stringify(snapshot));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('preflight check', () => {
  it.each([
    ['allow.json', 0, 'allow'],
    ['confirm.json', 1, 'confirm'],
    ['block.json', 2, 'block'],
    ['quote.eml', 1, 'confirm'],
  ])('%s exits %i (%s)', async (file, code, decision) => {
    const result = await run(['check', '--policy', at('policy.json'), at(file)]);
    expect(result.code).toBe(code);
    expect(result.stdout.split('\n')[0]).toBe(`${at(file)}: ${decision}`);
    expect(result.stderr).toBe('');
  });

  it('shows each finding translated, with its severity and rule id', async () => {
    const result = await run(['check', '--policy', at('policy.json'), at('block.json')]);
    expect(result.stdout).toContain('[block] Sending to someone@blocked.example is not allowed by the policy');
    expect(result.stdout).toContain('(blocked-recipient)');
  });

  it('says when there is nothing to report', async () => {
    const result = await run(['check', '--policy', at('policy.json'), at('allow.json')]);
    expect(result.stdout).toBe(`${at('allow.json')}: allow\n  No findings.\n`);
  });

  it('writes Japanese with --lang ja or a Japanese LANG', async () => {
    const flagged = await run(['check', '--lang', 'ja', '--policy', at('policy.json'), at('confirm.json')]);
    expect(flagged.stdout).toContain('要確認 (confirm)');
    expect(flagged.stdout).toContain('社外の宛先です（partner.co.jp）。');
    const environment = await run(['check', '--policy', at('policy.json'), at('confirm.json')], { LANG: 'ja_JP.UTF-8' });
    expect(environment.stdout).toBe(flagged.stdout);
    const overridden = await run(['check', '--policy', at('policy.json'), at('confirm.json')], {
      LANG: 'en_US.UTF-8',
      LC_ALL: 'ja_JP.UTF-8',
    });
    expect(overridden.stdout).toBe(flagged.stdout);
  });

  it('names the script of a look-alike character in the language of the output', async () => {
    const ja = await run(['check', '--lang', 'ja', '--policy', at('policy.json'), at('lookalike.json')]);
    expect(ja.stdout).toContain('紛らわしい文字：\u0435 U+0435 キリル文字 (lookalike-domain)');
    expect(ja.stdout).not.toContain('Cyrillic');
    const en = await run(['check', '--lang', 'en', '--policy', at('policy.json'), at('lookalike.json')]);
    expect(en.stdout).toContain('Unusual characters: \u0435 U+0435 Cyrillic. (lookalike-domain)');
  });

  it('prints one verdict object for one message with --format json', async () => {
    const result = await run(['check', '--format', 'json', '--policy', at('policy.json'), at('confirm.json')]);
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(verdict)).toEqual(['file', 'decision', 'findings', 'checklist', 'actions', 'fingerprint', 'inspection']);
    expect(verdict).toMatchObject({
      file: at('confirm.json'),
      decision: 'confirm',
      findings: [{ rule: 'external-recipient', severity: 'confirm', messageKey: 'finding.external-recipient' }],
    });
    expect(verdict.checklist).not.toHaveLength(0);
    expect(typeof verdict.fingerprint).toBe('string');
  });

  it('prints an array in argument order for several messages, and exits with the worst decision', async () => {
    const files = [at('allow.json'), at('block.json'), at('confirm.json')];
    const result = await run(['check', '--format', 'json', '--policy', at('policy.json'), ...files]);
    expect(result.code).toBe(2);
    const verdicts = JSON.parse(result.stdout) as { file: string; decision: string }[];
    expect(verdicts.map(({ file, decision }) => [file, decision])).toEqual([
      [files[0], 'allow'],
      [files[1], 'block'],
      [files[2], 'confirm'],
    ]);
  });

  it('exits 1 when the worst of several is confirm', async () => {
    const result = await run(['check', '--policy', at('policy.json'), at('allow.json'), at('confirm.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith(`${at('allow.json')}: allow\n  No findings.\n\n${at('confirm.json')}: confirm\n`)).toBe(true);
  });

  it('exits 65 for an unreadable message but still reports the others', async () => {
    const files = [at('block.json'), at('broken.json'), at('missing.eml'), at('allow.json')];
    const result = await run(['check', '--policy', at('policy.json'), ...files]);
    expect(result.code).toBe(65);
    expect(result.stdout).toContain(`${at('block.json')}: block`);
    expect(result.stdout).toContain(`${at('allow.json')}: allow`);
    expect(result.stderr).toContain(`${at('broken.json')}: cannot read this message:\n  $.to[1].address: expected a string\n`);
    expect(result.stderr).toContain(`${at('missing.eml')}: cannot read this message:\n  $: file not found\n`);
  });

  it('keeps the array shape in JSON when some of several messages are unreadable', async () => {
    const result = await run(['check', '--format', 'json', '--policy', at('policy.json'), at('missing.eml'), at('allow.json')]);
    expect(result.code).toBe(65);
    expect(JSON.parse(result.stdout)).toMatchObject([{ file: at('allow.json'), decision: 'allow' }]);
  });

  it('uses the built-in default policy without --policy, and says so on stderr', async () => {
    const result = await run(['check', at('allow.json')]);
    expect(result.stderr).toBe('No --policy given: checking against the built-in default policy.\n');
    // The default policy knows no internal domain, so every recipient is external.
    expect(result.code).toBe(1);
  });

  it.each([
    ['an invalid policy', 'bad-policy.json', ['$.internalDomains[1]', '$.onError']],
    ['a policy that is not JSON', 'not-json.json', ['$: not valid JSON']],
    ['a missing policy', 'no-such-policy.json', ['$: file not found']],
  ])('exits 65 without checking anything for %s', async (_name, policy, paths) => {
    const result = await run(['check', '--policy', at(policy), at('allow.json')]);
    expect(result.code).toBe(65);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`cannot use the policy ${at(policy)}, so no message was checked:`);
    for (const path of paths) expect(result.stderr).toContain(`  ${path}`);
  });
});

describe('preflight policy check', () => {
  it('prints OK and a summary for a valid policy', async () => {
    const result = await run(['policy', 'check', at('policy.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`OK: ${at('policy.json')} is a valid policy (version 1)`);
    expect(result.stdout).toContain('  internal domains: 1\n');
    expect(result.stdout).toContain('  blocked recipients: 1\n');
    expect(result.stdout).toContain('  keywords: 1\n');
  });

  it('prints every problem with its path and exits 65 for an invalid policy', async () => {
    const result = await run(['policy', 'check', at('bad-policy.json')]);
    expect(result.code).toBe(65);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`preflight: ${at('bad-policy.json')} is not a valid policy:`);
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual(['  $.internalDomains[1]', '  $.onError']);
  });

  it.each([
    ['--lang ja', ['--lang', 'ja'], {}, '  $.internalDomains[1]: 文字列でなければなりません'],
    ['a Japanese LANG', [], { LANG: 'ja_JP.UTF-8' }, '  $.onError: "block", "allow" のいずれかでなければなりません'],
    ['--lang en', ['--lang', 'en'], { LANG: 'ja_JP.UTF-8' }, '  $.internalDomains[1]: must be a string'],
  ] as const)('writes each problem by its code in the chosen language (%s)', async (_name, flags, environment, line) => {
    const result = await run(['policy', 'check', ...flags, at('bad-policy.json')], environment);
    expect(result.code).toBe(65);
    expect(result.stderr.split('\n')).toContain(line);
  });

  it('exits 65 for a missing file and 64 for a missing argument', async () => {
    expect((await run(['policy', 'check', at('nope.json')])).code).toBe(65);
    expect((await run(['policy', 'check'])).code).toBe(64);
  });
});

describe('usage', () => {
  it.each([
    [[] as string[], 'preflight: no command given\nRun `preflight --help` for usage.\n'],
    [['check'], 'preflight: no MESSAGE given: name at least one .eml or snapshot .json file\nRun `preflight check --help` for usage.\n'],
    [['check', '--bogus', 'a.eml'], 'preflight: unknown option --bogus\nRun `preflight check --help` for usage.\n'],
    [
      ['check', '--format', 'xml', 'a.eml'],
      'preflight: --format must be text or json, not "xml"\nRun `preflight check --help` for usage.\n',
    ],
    [['check', 'a.eml', '--policy'], 'preflight: option --policy needs a value\nRun `preflight check --help` for usage.\n'],
  ])('%j exits 64 with the reason on stderr', async (args, stderr) => {
    const result = await run(args);
    expect(result).toEqual({ code: 64, stdout: '', stderr });
  });

  it.each([
    [['--help'], 'Usage: preflight <command> [options]'],
    [
      ['check', '--help'],
      'Usage: preflight check [--policy FILE] [--format text|json] [--lang ja|en] [--max-attachment-mb N] [--history FILE] MESSAGE...',
    ],
    [['policy', 'check', '-h'], 'Usage: preflight policy check [--lang ja|en] FILE'],
    [['--lang', 'ja', '--help'], '使い方: preflight <コマンド> [オプション]'],
  ])('%j prints help and exits 0', async (args, firstLine) => {
    const result = await run(args);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(firstLine);
    expect(result.stderr).toBe('');
  });
});
