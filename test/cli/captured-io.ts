import { readFile, writeFile } from 'node:fs/promises';
import { isDirectory, listDirectory, type CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CapturedIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** Real files, captured output, a fixed clock and an English environment unless told otherwise. */
export function capturedIo(environment: Readonly<Record<string, string | undefined>> = { LANG: 'C' }): CapturedIo {
  const out: string[] = [];
  const error: string[] = [];
  return {
    readFile: (path) => readFile(path),
    isDirectory,
    listDirectory,
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    writeOut: (text) => void out.push(text),
    writeError: (text) => void error.push(text),
    environment,
    nowMs: () => Date.UTC(2025, 0, 1),
    stdout: () => out.join(''),
    stderr: () => error.join(''),
  };
}

/** `preflight ARGS` in memory: its exit code and what it wrote. */
export async function runCli(args: readonly string[], environment?: Readonly<Record<string, string>>) {
  const io = capturedIo(environment);
  const code = await main(args, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}
