// AES-256 ZIP throughput: our writer (src/server/zip) next to Debian's 7-Zip on the same 25 MiB files in
// the same run, at equal settings: stored (-mx=0) and fastest deflate (-mx=1). Both read the input file
// and write the archive to disk; 7-Zip's figure includes starting its process.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeAesZip } from '../server/zip/aes-zip-writer.js';
import type { Compression } from '../server/zip/compression-choice.js';
import { generateZipPassword } from '../server/zip/password.js';
import { formatMs, median } from './statistics.js';

const SIZE = 25 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

export interface ZipThroughputFigure {
  readonly input: string;
  readonly compression: Compression;
  readonly oursMs: number;
  readonly sevenZipMs: number;
  readonly oursBytes: number;
  readonly sevenZipBytes: number;
}

function compressibleText(bytes: number): Buffer {
  const lines: string[] = [];
  let length = 0;
  for (let row = 0; length < bytes; row += 1) {
    const line = `${row},山田 太郎,taro${row % 977}@example.co.jp,東京都千代田区丸の内${row % 13}-${row % 7},${(row * 7919) % 1_000_003},見積書\n`;
    lines.push(line);
    length += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

async function ours(input: string, output: string, compression: Compression, password: string): Promise<number> {
  const started = performance.now();
  const source = createReadStream(input, { highWaterMark: READ_CHUNK });
  await pipeline(
    writeAesZip([{ name: 'data', content: source, compression }], { password, modified: new Date() }),
    createWriteStream(output),
  );
  return performance.now() - started;
}

function sevenZip(input: string, output: string, compression: Compression, password: string): Promise<number> {
  const started = performance.now();
  const level = compression === 'store' ? '-mx=0' : '-mx=1';
  return new Promise((resolve, reject) => {
    execFile('7z', ['a', '-tzip', '-mem=AES256', level, `-p${password}`, output, input], (error) => {
      if (error === null) resolve(performance.now() - started);
      else reject(new Error(`7z a failed: ${error.message}`));
    });
  });
}

interface Timed {
  readonly ms: number;
  readonly bytes: number;
}

/** Alternates the two writers run by run, so a change in the machine's load falls on both alike. */
async function compare(
  runs: number,
  writers: ReadonlyArray<{ readonly output: string; readonly run: () => Promise<number> }>,
): Promise<Timed[]> {
  const samples = writers.map(() => [] as number[]);
  for (let round = -1; round < runs; round += 1) {
    for (const [index, writer] of writers.entries()) {
      // 7z a adds to an existing archive, so every run starts from none.
      await rm(writer.output, { force: true });
      const ms = await writer.run();
      if (round >= 0) samples[index]?.push(ms);
    }
  }
  return Promise.all(writers.map(async (writer, index) => ({ ms: median(samples[index] ?? []), bytes: (await stat(writer.output)).size })));
}

export async function benchZipThroughput(runs: number): Promise<ZipThroughputFigure[]> {
  const directory = await mkdtemp(join(tmpdir(), 'preflight-zip-bench-'));
  try {
    const password = generateZipPassword();
    const inputs = new Map([
      ['random 25 MiB', join(directory, 'random.bin')],
      ['text 25 MiB', join(directory, 'text.csv')],
    ]);
    await writeFile(inputs.get('random 25 MiB') as string, randomBytes(SIZE));
    await writeFile(inputs.get('text 25 MiB') as string, compressibleText(SIZE));
    const figures: ZipThroughputFigure[] = [];
    for (const [label, input] of inputs) {
      for (const compression of ['store', 'deflate'] as const) {
        const oursFile = join(directory, 'ours.zip');
        const theirsFile = join(directory, '7z.zip');
        const [mine, theirs] = (await compare(runs, [
          { output: oursFile, run: () => ours(input, oursFile, compression, password) },
          { output: theirsFile, run: () => sevenZip(input, theirsFile, compression, password) },
        ])) as [Timed, Timed];
        figures.push({
          input: label,
          compression,
          oursMs: mine.ms,
          sevenZipMs: theirs.ms,
          oursBytes: mine.bytes,
          sevenZipBytes: theirs.bytes,
        });
      }
    }
    return figures;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function megabytesPerSecond(ms: number): string {
  return `${(SIZE / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
}

export async function printZipThroughput(runs = 5): Promise<void> {
  const figures = await benchZipThroughput(runs);
  console.log(
    `AES-256 ZIP (WinZip AE-2) of one 25 MiB file, disk to disk, median of ${runs} alternating runs after one warm-up; ratio = our throughput / 7-Zip's (goal ≥ 1.0x)`,
  );
  console.log('  input           mode      ours                      7z a -tzip -mem=AES256    ratio');
  for (const figure of figures) {
    const mode = figure.compression === 'store' ? 'stored' : 'deflate-1';
    const mine = `${formatMs(figure.oursMs)} ${megabytesPerSecond(figure.oursMs)}`;
    const theirs = `${figure.compression === 'store' ? '-mx=0' : '-mx=1'} ${formatMs(figure.sevenZipMs)} ${megabytesPerSecond(figure.sevenZipMs)}`;
    const ratio = `${(figure.sevenZipMs / figure.oursMs).toFixed(2)}x`;
    console.log(
      `  ${figure.input.padEnd(15)} ${mode.padEnd(9)} ${mine.padEnd(25)} ${theirs.padEnd(25)} ${ratio}  (${(figure.oursBytes / 1e6).toFixed(1)} / ${(figure.sevenZipBytes / 1e6).toFixed(1)} MB)`,
    );
  }
}
