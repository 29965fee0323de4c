import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/server/crypto/chunk-cipher.js';
import { loadKeyring } from '../../../src/server/crypto/keyring-source.js';
import { parseKeyring, unwrapKey, wrapKey, type Keyring } from '../../../src/server/crypto/keyring.js';
import { StartupError } from '../../../src/server/startup-error.js';

const OLD = randomBytes(32).toString('base64');
const NEW = randomBytes(32).toString('base64');

function keyring(entries: string[], active?: string): Keyring {
  const result = parseKeyring(entries, active);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.keyring;
}

describe('parseKeyring', () => {
  it('takes the first key as active unless told', () => {
    expect(keyring([`a:${OLD}`, `b:${NEW}`]).activeId).toBe('a');
    expect(keyring([`a:${OLD}`, `b:${NEW}`], 'b').activeId).toBe('b');
  });

  it.each([
    [[], undefined, 'no key given'],
    [[OLD], undefined, 'each key must be written id:base64'],
    [['a:c2hvcnQ='], undefined, 'key a must be 32 bytes'],
    [[`a:${OLD}`, `a:${NEW}`], undefined, 'key id a appears twice'],
    [[`a:${OLD}`], 'z', 'the active key id z is not among the keys'],
  ])('refuses %j (active %s)', (entries, active, problem) => {
    const result = parseKeyring(entries, active);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('; ')).toContain(problem);
  });
});

describe('wrapKey / unwrapKey', () => {
  it('rotates: new keys wrap with the active id, data keys wrapped by a retired id still unwrap', () => {
    const before = keyring([`2026-05:${OLD}`]);
    const after = keyring([`2026-11:${NEW}`, `2026-05:${OLD}`]);
    const dataKey = randomBytes(32);
    const old = wrapKey(before, dataKey, 'package-1');
    expect(old.kekId).toBe('2026-05');
    expect(unwrapKey(after, old, 'package-1')).toEqual(dataKey);
    expect(wrapKey(after, dataKey, 'package-1').kekId).toBe('2026-11');
  });

  it('fails the same way for an unknown key id, another package, or a damaged record', () => {
    const ring = keyring([`a:${OLD}`]);
    const wrapped = wrapKey(ring, randomBytes(32), 'package-1');
    const damaged = Buffer.from(wrapped.wrapped);
    damaged[20] = (damaged[20] ?? 0) ^ 1;
    expect(() => unwrapKey(keyring([`b:${OLD}`]), { ...wrapped, kekId: 'b' }, 'package-1')).toThrow(IntegrityError);
    expect(() => unwrapKey(keyring([`b:${NEW}`]), wrapped, 'package-1')).toThrow(IntegrityError);
    expect(() => unwrapKey(ring, wrapped, 'package-2')).toThrow(IntegrityError);
    expect(() => unwrapKey(ring, { ...wrapped, wrapped: damaged }, 'package-1')).toThrow(IntegrityError);
  });
});

describe('loadKeyring', () => {
  let directory = '';
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('generates a key once into the data directory with mode 0600 and warns loudly each start', async () => {
    directory = mkdtempSync(join(tmpdir(), 'preflight-kek-'));
    const warnings: string[] = [];
    const notes = { warn: (message: string) => warnings.push(message) };
    const first = await loadKeyring({ kind: 'generated', dataDirectory: directory }, notes);
    const file = join(directory, 'keys', 'kek');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await loadKeyring({ kind: 'generated', dataDirectory: directory }, notes);
    expect(second.keys.get(second.activeId)).toEqual(first.keys.get(first.activeId));
    expect(warnings[0]).toMatch(/^GENERATED a new key-encryption key .*kek \(mode 0600\).*PREFLIGHT_KEK_FILE/);
    expect(warnings[1]).toMatch(/^Using the generated key-encryption key/);
    expect(warnings.join('\n')).not.toContain(readFileSync(file, 'utf8').split(':').at(-1)?.trim());
  });

  it('reads a key file with comments, and refuses a bad one with StartupError', async () => {
    directory = mkdtempSync(join(tmpdir(), 'preflight-kek-'));
    const good = join(directory, 'good');
    writeFileSync(good, `# rotated 2026-11\nnew:${NEW}\n\nold:${OLD}\n`);
    const ring = await loadKeyring({ kind: 'file', path: good, activeId: 'new' }, { warn: () => undefined });
    expect([...ring.keys.keys()]).toEqual(['new', 'old']);
    writeFileSync(good, 'new:short\n');
    await expect(loadKeyring({ kind: 'file', path: good }, { warn: () => undefined })).rejects.toBeInstanceOf(StartupError);
    await expect(loadKeyring({ kind: 'file', path: join(directory, 'missing') }, { warn: () => undefined })).rejects.toThrow(
      'Cannot read PREFLIGHT_KEK_FILE',
    );
  });
});

describe('loadKeyring, several processes starting at once', () => {
  let directory = '';
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('agrees on one generated key and leaves no temporary file', async () => {
    directory = mkdtempSync(join(tmpdir(), 'preflight-kek-'));
    const rings = await Promise.all(
      Array.from({ length: 8 }, () => loadKeyring({ kind: 'generated', dataDirectory: directory }, { warn: () => undefined })),
    );
    const keys = new Set(rings.map((ring) => Buffer.from(ring.keys.get(ring.activeId) ?? []).toString('hex')));
    expect(keys.size).toBe(1);
    expect(readdirSync(join(directory, 'keys'))).toEqual(['kek']);
  });
});
