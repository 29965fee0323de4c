// The 10 MB workbook through the pane's extraction: in Node with the CLI's zlib inflater, and in Chromium on the lab page (dist/playground/inspection.html) in the pane's
// worker and on the page's own thread (docs/benchmarks.md, "Workbook inspection").
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectionThread } from '../cli/detection-thread.js';
import { zlibInflater } from '../cli/zlib-inflater.js';
import { extractText, inspectAttachment, type ExtractionReaders, type ExtractionResult } from '../inspect/index.js';
import type { AttachmentInspection } from '../policy/index.js';
import { startPlaygroundServer } from './playground-server.js';
import { formatMs, median } from './statistics.js';

const MB = 1024 * 1024;
/** A cold run and four warm ones: with two, the pane's median moved by 15% between runs a minute apart. */
const RUNS = 5;
const NAME = '顧客一覧.xlsx';

export interface Timed {
  readonly coldMs: number;
  readonly warmMedianMs: number;
  readonly outcome: string;
}

/** The Node figures for one workbook: extraction alone, then the whole inspection. */
export interface NodeWorkbookFigures {
  readonly extract: Timed;
  readonly inspect: Timed;
}

function describe(inspection: AttachmentInspection): string {
  const myNumbers = inspection.personalData.find((tally) => tally.kind === 'my-number')?.high ?? 0;
  return `${inspection.status}${inspection.reason === '' ? '' : ` (${inspection.reason})`}, My Number: ${myNumbers}`;
}

function extracted(result: ExtractionResult): string {
  const reason = result.status === 'ok' ? '' : ` (${result.reason})`;
  return `${result.status}${reason}, ${(result.bytesRead / MB).toFixed(1)} MiB inflated`;
}

async function timed(run: () => Promise<string>): Promise<Timed> {
  const samples: number[] = [];
  let outcome = '';
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    outcome = await run();
    samples.push(performance.now() - started);
  }
  return { coldMs: samples[0]!, warmMedianMs: median(samples.slice(1)), outcome };
}

function line(label: string, figures: Timed): string {
  return `  ${label.padEnd(34)} cold ${formatMs(figures.coldMs).padEnd(10)} warm median ${formatMs(figures.warmMedianMs).padEnd(10)} ${figures.outcome}`;
}

/** The part of the lab page the bench drives (src/browser-inspect/inspection-lab.ts). */
type LabInspect = (attachment: { readonly name: string; readonly size: number }, bytes: Uint8Array) => Promise<AttachmentInspection>;

async function inChromium(
  root: string,
  name: string,
  xlsx: Uint8Array,
): Promise<{ readonly version: string; readonly figures: Record<'inWorker' | 'inThread', Timed> }> {
  const { browser, origin, close } = await startPlaygroundServer(root, join(root, 'config', 'policy.json'));
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${origin}/playground/inspection.html`);
    await page.waitForFunction(() => 'preflightInspectionLab' in globalThis);
    await page.evaluate((encoded) => {
      (globalThis as unknown as { benchBytes: Uint8Array }).benchBytes = Uint8Array.from(atob(encoded), (character) =>
        character.charCodeAt(0),
      );
    }, Buffer.from(xlsx).toString('base64'));
    const figures = {} as Record<'inWorker' | 'inThread', Timed>;
    for (const where of ['inWorker', 'inThread'] as const) {
      const result = await page.evaluate(
        async ({ where, name, runs }) => {
          const scope = globalThis as unknown as {
            benchBytes: Uint8Array;
            preflightInspectionLab: Record<'inWorker' | 'inThread', LabInspect>;
          };
          const samples: number[] = [];
          let inspection: AttachmentInspection | null = null;
          for (let run = 0; run < runs; run += 1) {
            const started = performance.now();
            inspection = await scope.preflightInspectionLab[where]({ name, size: scope.benchBytes.length }, scope.benchBytes);
            samples.push(performance.now() - started);
          }
          return { samples, inspection: inspection! };
        },
        { where, name, runs: RUNS },
      );
      figures[where] = { coldMs: result.samples[0]!, warmMedianMs: median(result.samples.slice(1)), outcome: describe(result.inspection) };
    }
    return { version: browser.version(), figures };
  } finally {
    await close();
  }
}

function printChromium({ version, figures }: Awaited<ReturnType<typeof inChromium>>): void {
  console.log(`  in Chromium ${version}, the pane's inspectInBrowser (extraction and detectors)`);
  console.log(line('in the worker (the pane)', figures.inWorker));
  console.log(line("on the page's own thread", figures.inThread));
}

/** What workbook-node.ts times, each in a process of its own so that its cold run is the CLI's. */
export type NodeWorkbookPart = keyof NodeWorkbookFigures;

export const NODE_WORKBOOK_PARTS: readonly NodeWorkbookPart[] = ['extract', 'inspect'];

/** Timed in this process: workbook-node.ts runs it in a fresh one. */
export async function nodeWorkbookFigure(xlsx: Uint8Array, part: NodeWorkbookPart): Promise<Timed> {
  const attachment = { name: NAME, size: xlsx.length };
  const zlib: ExtractionReaders = { inflateRaw: zlibInflater() };
  if (part === 'extract') return timed(async () => extracted(await extractText(NAME, xlsx, {}, zlib)));
  const helper = detectionThread();
  try {
    return await timed(async () => describe(await inspectAttachment(attachment, xlsx, { readers: zlib, helper })));
  } finally {
    await helper.close();
  }
}

function inFreshProcess(file: string, part: NodeWorkbookPart): Promise<Timed> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'workbook-node.js');
  return new Promise<Timed>((resolve, reject) => {
    execFile(process.execPath, [script, file, part], { maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the workbook's Node run (${part}) failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Timed);
    });
  });
}

/**
 * The Node figures, each from a process of its own, as the CLI inspects an attachment: after the bench's
 * earlier sections, the code V8 has compiled and the heap they leave made the same inspection about 15%
 * slower, and an inspection after extraction's runs had its cold run with extraction's code compiled
 * (docs/benchmarks.md, "Workbook inspection").
 */
async function inFreshNode(xlsx: Uint8Array): Promise<NodeWorkbookFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'preflight-workbook-'));
  try {
    const file = join(directory, NAME);
    await writeFile(file, xlsx);
    return { extract: await inFreshProcess(file, 'extract'), inspect: await inFreshProcess(file, 'inspect') };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export async function printWorkbookInspection(root: string, xlsx: Uint8Array, rows: number): Promise<void> {
  const node = await inFreshNode(xlsx);
  console.log(`Workbook inspection: a ${(xlsx.length / MB).toFixed(1)} MiB xlsx, ${rows.toLocaleString('en-US')} rows, ${RUNS} runs each`);
  console.log('  in Node, in a process of its own (as the CLI)');
  console.log(line('extractText, node:zlib', node.extract));
  console.log(line('inspectAttachment, node:zlib', node.inspect));
  printChromium(await inChromium(root, NAME, xlsx));
}

/**
 * A workbook whose sheet lies about its size (lying-workbook.ts): the time to stop it at the entry limit.
 * Chromium inflates each chunk written to a DecompressionStream whole, so this measures that the
 * inflater feeds it in slices (docs/inspection.md, "Extraction").
 */
export async function printLyingWorkbook(root: string, xlsx: Uint8Array): Promise<void> {
  const zlib: ExtractionReaders = { inflateRaw: zlibInflater() };
  const node = await timed(async () => extracted(await extractText('bomb.xlsx', xlsx, {}, zlib)));
  console.log(
    `Lying workbook: ${(xlsx.length / MB).toFixed(1)} MiB, a sheet that claims 100 bytes and inflates to 1 GiB, ${RUNS} runs each`,
  );
  console.log(line('extractText, node:zlib', node));
  printChromium(await inChromium(root, 'bomb.xlsx', xlsx));
}
