import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIfChanged, DIGEST_FILE, inputsDigest } from '../../scripts/build-if-changed.js';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const OUTPUTS = ['build/server/main.js', 'dist/launchevent.js', 'dist/taskpane.html', 'dist/playground/index.html'];

/** Starts with a fake build that makes the outputs (or fails), counting how often it ran. */
function start(succeeds = true): { built: number; logged: string[]; ok: boolean } {
  const result = { built: 0, logged: [] as string[], ok: false };
  result.ok = buildIfChanged({
    root,
    build: () => {
      result.built += 1;
      if (succeeds) for (const output of OUTPUTS) write(output, 'built');
      return succeeds;
    },
    log: (line) => result.logged.push(line),
  });
  return result;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'preflight-build-if-changed-'));
  write('package.json', '{"name":"x"}');
  write('package-lock.json', '{}');
  write('tsconfig.node.json', '{}');
  write('webpack.config.js', 'export default {};');
  write('src/policy/evaluate.ts', 'export const a = 1;');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build-if-changed (npm start)', () => {
  it('builds the first time, then starts without building while nothing changed', () => {
    expect(start()).toMatchObject({ built: 1, ok: true });
    const again = start();
    expect(again).toMatchObject({ built: 0, ok: true });
    expect(again.logged.join('\n')).toContain('up to date');
  });

  it.each([
    ['a source', 'src/policy/evaluate.ts', 'export const a = 2;'],
    ['a new source file', 'src/policy/new-rule.ts', 'export {};'],
    ['a tsconfig', 'tsconfig.node.json', '{"compilerOptions":{}}'],
    ['the lockfile', 'package-lock.json', '{"lockfileVersion":3}'],
    ['a script webpack runs', 'scripts/nullish-checks-transformer.js', 'export {};'],
  ])('builds again when %s changes', (_what, path, text) => {
    start();
    write(path, text);
    expect(start()).toMatchObject({ built: 1, ok: true });
  });

  it('builds again when an output is gone, whatever the record says', () => {
    start();
    rmSync(join(root, 'dist/launchevent.js'));
    const again = start();
    expect(again.built).toBe(1);
    expect(again.logged[0]).toContain('dist/launchevent.js is missing');
  });

  it('records nothing after a failed build, so the next start tries again', () => {
    for (const output of OUTPUTS) write(output, 'old');
    write('src/policy/evaluate.ts', 'export const a = 3;');
    expect(start(false)).toMatchObject({ built: 1, ok: false });
    expect(start(false).built).toBe(1);
  });

  it('does not read outputs or unrelated files into the digest', () => {
    const before = inputsDigest(root);
    write('docs/notes.md', 'anything');
    write('build/server/main.js', 'rebuilt');
    write(DIGEST_FILE, 'x');
    expect(inputsDigest(root)).toBe(before);
  });
});
