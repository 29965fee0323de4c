// Everything `preflight` does to the outside world, behind one interface so that tests can run it in memory.
import { readFile } from 'node:fs/promises';
import { pickLocale, type Locale } from '../i18n/locale.js';
import { ROOT_PATH } from './json-path.js';
import { problem, type Parsed } from './problem.js';

export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  writeOut(text: string): void;
  writeError(text: string): void;
  readonly environment: Readonly<Record<string, string | undefined>>;
  nowMs(): number;
}

export function processIo(): CliIo {
  return {
    readFile: (path) => readFile(path),
    writeOut: (text) => void process.stdout.write(text),
    writeError: (text) => void process.stderr.write(text),
    environment: process.env,
    nowMs: () => Date.now(),
  };
}

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG. */
export function environmentLocale(environment: CliIo['environment']): Locale {
  const setting = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  return pickLocale(setting);
}

const READ_ERROR_KEYS: ReadonlyMap<string, string> = new Map([
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
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const key = READ_ERROR_KEYS.get(code) ?? 'cli.input.readFailed';
    return { ok: false, problems: [problem(ROOT_PATH, key, { detail: String(error) })] };
  }
}
