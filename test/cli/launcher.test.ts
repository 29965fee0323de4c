// Runs bin/preflight.js as a user would, against src/cli compiled the way `npm run build:node` compiles it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
// Inside the repository, so that the compiled files find node_modules; test-output/ is git-ignored.
const installed = join(root, 'test-output', 'cli-launcher');
const launcher = join(installed, 'bin', 'preflight.js');
let scratch = '';

function preflight(args: readonly string[], bin = launcher) {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(join(installed, 'bin'), { recursive: true });
  copyFileSync(join(root, 'bin', 'preflight.js'), launcher);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Only the emitted files matter here: the config's types are checked by `npm run typecheck` and the build.
  // --noCheck emits the same files (isolatedModules) without type-checking, in half the CPU time.
  spawnSync(process.execPath, [
    tsc,
    '-p',
    join(root, 'tsconfig.node.json'),
    '--outDir',
    join(installed, 'build'),
    '--sourceMap',
    'false',
    '--noCheck',
  ]);
  scratch = mkdtempSync(join(tmpdir(), 'preflight-bin-'));
  writeFileSync(
    join(scratch, 'policy.json'),
    JSON.stringify({ version: 1, internalDomains: ['example.co.jp'], blockedRecipients: ['blocked.example'] }),
  );
  writeFileSync(join(scratch, 'block.json'), JSON.stringify({ to: [{ address: 'x@blocked.example' }] }));
  writeFileSync(join(scratch, 'allow.eml'), 'From: a@example.co.jp\r\nTo: b@example.co.jp\r\nSubject: hi\r\n\r\nbody\r\n');
}, 60_000);

afterAll(() => {
  rmSync(installed, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('bin/preflight.js', () => {
  it('is compiled to build/cli/main.js', () => {
    expect(existsSync(join(installed, 'build', 'cli', 'main.js'))).toBe(true);
  });

  it('prints help and exits 0', () => {
    const result = preflight(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: preflight <command>/);
  });

  it('checks an .eml and a snapshot with exit codes 0 and 2', () => {
    const policy = ['--policy', join(scratch, 'policy.json')];
    expect(preflight(['check', ...policy, join(scratch, 'allow.eml')]).code).toBe(0);
    const blocked = preflight(['check', '--format', 'json', ...policy, join(scratch, 'block.json')]);
    expect(blocked.code).toBe(2);
    const verdict = JSON.parse(blocked.stdout) as { decision: string; findings: { rule: string }[] };
    expect(verdict.decision).toBe('block');
    expect(verdict.findings.map(({ rule }) => rule)).toContain('blocked-recipient');
  });

  it('exits 64 on a usage error', () => {
    const result = preflight(['check']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('no MESSAGE given');
  });

  it('tells the user to build when build/ is missing, with an exit code that is not a decision', () => {
    const bare = join(scratch, 'bare', 'bin');
    mkdirSync(bare, { recursive: true });
    copyFileSync(join(root, 'bin', 'preflight.js'), join(bare, 'preflight.js'));
    const result = preflight(['--help'], join(bare, 'preflight.js'));
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('Run `npm run build`');
  });
});
