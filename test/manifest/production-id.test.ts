// The production manifest's identity: its own add-in Id, kept from run to run, never the development Id
// of manifest.xml, and a header that says it is the production manifest (docs/deploy.md, step 5).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestId } from '../../scripts/manifest.js';
import { MANIFEST_FILE, orderProblems, readManifest, ROOT } from './manifest-model.js';

const SCRIPT = resolve(ROOT, 'scripts/manifest.js');
const DEVELOPMENT_ID = manifestId(readFileSync(MANIFEST_FILE, 'utf8')) ?? '';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ORIGIN = 'https://preflight.example.co.jp';
const work = mkdtempSync(join(tmpdir(), 'preflight-manifest-id-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let refusals = 0;

/** The script with a clean environment: PREFLIGHT_MANIFEST_ID only when the test gives it. */
function run(args: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function written(file: string): { text: string; id: string | undefined; header: string } {
  const text = readFileSync(join(work, file), 'utf8');
  return { text, id: manifestId(text), header: /<!--([\s\S]*?)-->/.exec(text)?.[1] ?? '' };
}

describe("the production manifest is the organisation's own", () => {
  it('says in its header that it is the production manifest, and gets a new Id it names', () => {
    const result = run(['--base-url', ORIGIN, '--out', 'new.xml']);
    expect(result.status).toBe(0);
    const { text, id, header } = written('new.xml');
    expect(id).toMatch(GUID);
    expect(id).not.toBe(DEVELOPMENT_ID);
    expect(header).toContain(`PRODUCTION manifest for ${ORIGIN}, not the development one`);
    expect(header).not.toMatch(/for development|localhost/);
    expect(result.stderr).toContain(`New add-in Id ${id}`);
    expect(result.stdout).toContain(`with add-in Id ${id}`);
    expect(orderProblems(readManifest(text).root)).toEqual([]);
  });

  it('keeps the Id of the file it writes over, quietly', () => {
    expect(run(['--base-url', ORIGIN, '--out', 'kept.xml']).status).toBe(0);
    const first = written('kept.xml').id;
    const again = run(['--base-url', 'https://addins.example.co.jp', '--out', 'kept.xml']);
    expect(again.status).toBe(0);
    expect(written('kept.xml').id).toBe(first);
    expect(again.stderr).toBe('');
  });

  it('takes --id before PREFLIGHT_MANIFEST_ID before the existing file, and notes a replaced Id', () => {
    const fromEnvironment = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    const fromArgument = '1A2B3C4D-5E6F-4A8B-9C0D-1E2F3A4B5C6D';
    expect(run(['--base-url', ORIGIN, '--out', 'chosen.xml'], { PREFLIGHT_MANIFEST_ID: fromEnvironment }).status).toBe(0);
    expect(written('chosen.xml').id).toBe(fromEnvironment);
    const replaced = run(['--base-url', ORIGIN, '--out', 'chosen.xml', '--id', fromArgument], { PREFLIGHT_MANIFEST_ID: fromEnvironment });
    expect(replaced.status).toBe(0);
    expect(written('chosen.xml').id).toBe(fromArgument.toLowerCase());
    expect(replaced.stderr).toContain(`had the add-in Id ${fromEnvironment}`);
  });

  it.each([
    [['--id', DEVELOPMENT_ID], {}, 'is the development Id of manifest.xml'],
    [['--id', DEVELOPMENT_ID.toUpperCase()], {}, 'is the development Id of manifest.xml'],
    [[], { PREFLIGHT_MANIFEST_ID: DEVELOPMENT_ID }, 'PREFLIGHT_MANIFEST_ID is the development Id'],
    [['--id', 'preflight-prod'], {}, '--id must be a GUID'],
    [[], { PREFLIGHT_MANIFEST_ID: '{a8cfebaf-9047-4b66-b5c1-c6bb4284e2e0}' }, 'PREFLIGHT_MANIFEST_ID must be a GUID'],
  ])('refuses %j %j with exit 64 and writes nothing', (args, env, message) => {
    const out = `refused-${(refusals += 1)}.xml`;
    const result = run(['--base-url', ORIGIN, '--out', out, ...args], env);
    expect([result.status, existsSync(join(work, out))]).toEqual([64, false]);
    expect(result.stderr).toContain(message);
  });

  it('refuses, exit 65, to reuse the development Id found in the file it would write over', () => {
    // What an earlier version of this script wrote: manifest.xml's Id with production URLs.
    const old = readFileSync(MANIFEST_FILE, 'utf8').split('https://localhost:3000').join(ORIGIN);
    writeFileSync(join(work, 'old.xml'), old);
    const result = run(['--base-url', ORIGIN, '--out', 'old.xml']);
    expect(result.status).toBe(65);
    expect(result.stderr).toContain(`old.xml carries the development Id of manifest.xml (${DEVELOPMENT_ID})`);
    expect(readFileSync(join(work, 'old.xml'), 'utf8')).toBe(old);
  });

  it('leaves a development manifest (a local origin) with the development Id and header, and refuses --id there', () => {
    expect(run(['--out', 'development.xml']).status).toBe(0);
    const { id, header } = written('development.xml');
    expect(id).toBe(DEVELOPMENT_ID);
    expect(header).toContain('for development');
    const refused = run(['--out', 'development.xml', '--id', '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9']);
    expect(refused.status).toBe(64);
    expect(refused.stderr).toContain('--id is for a production manifest');
  });
});
