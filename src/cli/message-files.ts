// MESSAGE arguments to the files `check` reads: a directory stands for the .eml files directly inside it.
import { join } from 'node:path';
import type { CliIo } from './io.js';
import { readProblem } from './io.js';
import { ROOT_PATH } from '../policy/index.js';
import { problem, type Problem } from './problem.js';

export type MessageFile =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'unreadable'; readonly file: string; readonly problems: readonly Problem[] };

export interface MessageFiles {
  readonly files: readonly MessageFile[];
  readonly directories: number;
}

function byCodePoint(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/**
 * One level, not recursive: a folder of exported mail is flat, and a subfolder (an archive, a second
 * copy) would be checked without the user naming it. Sorted by name, so runs compare line by line.
 * A directory without any .eml is a problem (exit 65): a replay that checked nothing must not pass as allow.
 */
export async function messageFiles(messages: readonly string[], io: CliIo): Promise<MessageFiles> {
  const files: MessageFile[] = [];
  let directories = 0;
  for (const message of messages) {
    if (!(await io.isDirectory(message))) {
      files.push({ kind: 'file', file: message });
      continue;
    }
    directories += 1;
    files.push(...(await directoryFiles(message, io)));
  }
  return { files, directories };
}

async function directoryFiles(directory: string, io: CliIo): Promise<MessageFile[]> {
  let names: string[];
  try {
    const entries = await io.listDirectory(directory);
    names = entries
      .filter((entry) => !entry.isDirectory && entry.name.toLowerCase().endsWith('.eml'))
      .map((entry) => entry.name)
      .sort(byCodePoint);
  } catch (error) {
    return [{ kind: 'unreadable', file: directory, problems: [readProblem(error)] }];
  }
  if (names.length === 0) return [{ kind: 'unreadable', file: directory, problems: [problem(ROOT_PATH, 'cli.input.noEmlFiles')] }];
  return names.map((name) => ({ kind: 'file', file: join(directory, name) }));
}
