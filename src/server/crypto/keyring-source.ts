import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../startup-error.js';
import { createdOnce } from './key-file.js';
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

async function generated(dataDirectory: string, notes: KeyringNotes): Promise<Keyring> {
  const directory = join(dataDirectory, 'keys');
  const path = join(directory, 'kek');
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  const created =
    !exists &&
    (await createdOnce(
      path,
      `# Preflight key-encryption key, generated ${new Date().toISOString()}\nlocal-1:${randomBytes(32).toString('base64')}\n`,
    ));
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
