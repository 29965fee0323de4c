import { randomBytes } from 'node:crypto';
import { access, link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../startup-error.js';
import { parseKeyring, type Keyring } from './keyring.js';

/**
 * Where the key-encryption keys come from: the environment (PREFLIGHT_KEKS), a file IT manages
 * (PREFLIGHT_KEK_FILE, one `id:base64` per line), or, when neither is set, a key generated once into
 * the data directory. The generated key lies next to the data it protects, which is fine for a trial
 * and wrong for production: every start says so.
 */
export type KeyringSource =
  | { readonly kind: 'inline'; readonly entries: readonly string[]; readonly activeId?: string }
  | { readonly kind: 'file'; readonly path: string; readonly activeId?: string }
  | { readonly kind: 'generated'; readonly dataDirectory: string };

export interface KeyringNotes {
  warn(message: string): void;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function parsed(entries: readonly string[], activeId: string | undefined, where: string): Keyring {
  const result = parseKeyring(entries, activeId);
  if (!result.ok) throw new StartupError('bad-environment', `The key-encryption keys in ${where} are not usable.`, result.problems);
  return result.keyring;
}

/**
 * Writes a new key beside the target and hard-links it into place, so a second process starting at the
 * same moment finds either no key or the whole key, never a half-written file. False when one was there.
 */
async function createKey(directory: string, path: string): Promise<boolean> {
  const temporary = join(directory, `kek.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(
      `# Preflight key-encryption key, generated ${new Date().toISOString()}\nlocal-1:${randomBytes(32).toString('base64')}\n`,
    );
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await unlink(temporary);
  }
}

async function generated(dataDirectory: string, notes: KeyringNotes): Promise<Keyring> {
  const directory = join(dataDirectory, 'keys');
  const path = join(directory, 'kek');
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  const created = exists ? false : await createKey(directory, path);
  notes.warn(
    `${created ? 'GENERATED a new' : 'Using the generated'} key-encryption key ${path} (mode 0600). It protects every stored ` +
      'download link and sits beside the data: anyone with a copy of the data directory can read the files. For production set ' +
      'PREFLIGHT_KEK_FILE (or PREFLIGHT_KEKS) to a key kept apart from the data and its backups. Losing this file makes every stored package unreadable.',
  );
  return parsed(lines(await readFile(path, 'utf8')), undefined, path);
}

export async function loadKeyring(source: KeyringSource, notes: KeyringNotes): Promise<Keyring> {
  if (source.kind === 'inline') return parsed(source.entries, source.activeId, 'PREFLIGHT_KEKS');
  if (source.kind === 'file') {
    let text: string;
    try {
      text = await readFile(source.path, 'utf8');
    } catch (error) {
      throw new StartupError('bad-environment', `Cannot read PREFLIGHT_KEK_FILE: ${(error as Error).message}`, [source.path]);
    }
    return parsed(lines(text), source.activeId, source.path);
  }
  return generated(source.dataDirectory, notes);
}
