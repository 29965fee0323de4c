import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SevenZipRun {
  readonly code: number;
  readonly output: string;
}

/** Debian's real 7-Zip (p7zip-full), never a shell: the password goes in one argv entry. */
export function sevenZip(args: readonly string[]): Promise<SevenZipRun> {
  return new Promise((resolve) => {
    const child = execFile('7z', [...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
    child.stdin?.end();
  });
}

export interface Extracted {
  readonly run: SevenZipRun;
  /** File name → bytes, for everything 7-Zip wrote. */
  readonly files: Map<string, Buffer>;
}

/** Writes the archive to a temp dir, runs `7z x -p<password>` there, reads what came out, removes the dir. */
export async function extractWithSevenZip(archive: Uint8Array, password: string): Promise<Extracted> {
  const directory = await mkdtemp(join(tmpdir(), 'preflight-zip-'));
  try {
    const file = join(directory, 'archive.zip');
    await writeFile(file, archive);
    const target = join(directory, 'out');
    const run = await sevenZip(['x', `-p${password}`, `-o${target}`, '-y', file]);
    const files = new Map<string, Buffer>();
    const names = await readdir(target).catch(() => [] as string[]);
    for (const name of names) files.set(name, await readFile(join(target, name)));
    return { run, files };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `7z l -slt` of the archive: one map of "Key = Value" lines per entry. */
export async function listWithSevenZip(archive: Uint8Array): Promise<Array<Map<string, string>>> {
  const directory = await mkdtemp(join(tmpdir(), 'preflight-zip-'));
  try {
    const file = join(directory, 'archive.zip');
    await writeFile(file, archive);
    const run = await sevenZip(['l', '-slt', file]);
    if (run.code !== 0) throw new Error(`7z l failed: ${run.output}`);
    const body = run.output.split(/^-{10}$/m)[1] ?? '';
    return body
      .split(/\n\s*\n/)
      .filter((block) => block.includes('Path = '))
      .map(
        (block) =>
          new Map(
            block
              .split('\n')
              .filter((line) => line.includes(' = '))
              .map((line) => {
                const at = line.indexOf(' = ');
                return [line.slice(0, at), line.slice(at + 3)] as [string, string];
              }),
          ),
      );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
