// Everything `preflight` does to the outside world, behind one interface so that tests can run it in memory.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { pickLocale, type Locale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';
import { ROOT_PATH } from '../policy/index.js';
import { problem, type Parsed, type Problem } from './problem.js';

export interface DirectoryEntry {
  readonly name: string;
  readonly isDirectory: boolean;
}

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  /** False for anything that is not a directory, including a path that does not exist. */
  isDirectory(path: string): Promise<boolean>;
  listDirectory(path: string): Promise<readonly DirectoryEntry[]>;
  /** Creates or replaces the file (UTF-8). */
  writeFile(path: string, text: string): Promise<void>;
  writeOut(text: string): void;
  writeError(text: string): void;
  readonly environment: Readonly<Record<string, string | undefined>>;
  nowMs(): number;
}

export function processIo(): CliIo {
  return {
    readFile: (path) => readFile(path),
    isDirectory,
    listDirectory,
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    writeOut: (text) => void process.stdout.write(text),
    writeError: (text) => void process.stderr.write(text),
    environment: process.env,
    nowMs: () => Date.now(),
  };
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function listDirectory(path: string): Promise<readonly DirectoryEntry[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
}

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG. */
export function environmentLocale(environment: CliIo['environment']): Locale {
  const setting = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find((value) => value !== undefined && value !== '');
  return pickLocale(setting);
}

const READ_ERROR_KEYS: ReadonlyMap<string, StringKey> = new Map<string, StringKey>([
  ['ENOENT', 'cli.input.notFound'],
  ['EISDIR', 'cli.input.isDirectory'],
  ['EACCES', 'cli.input.noAccess'],
  ['EPERM', 'cli.input.noAccess'],
]);

/** A file that cannot be read is an input problem (exit 65), reported like any other. */
export async function readInput(io: CliIo, path: string): Promise<Parsed<Uint8Array>> {
  try {
    return { ok: true, value: await io.readFile(path) };
  } catch (error) {
    return { ok: false, problems: [readProblem(error)] };
  }
}

export function readProblem(error: unknown): Problem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const key = READ_ERROR_KEYS.get(code) ?? 'cli.input.readFailed';
  return problem(ROOT_PATH, key, { detail: String(error) });
}
