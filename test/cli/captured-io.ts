import { readFile } from 'node:fs/promises';
import { isDirectory, listDirectory, type CliIo } from '../../src/cli/io.js';

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
    writeOut: (text) => void out.push(text),
    writeError: (text) => void error.push(text),
    environment,
    nowMs: () => Date.UTC(2025, 0, 1),
    stdout: () => out.join(''),
    stderr: () => error.join(''),
  };
}
