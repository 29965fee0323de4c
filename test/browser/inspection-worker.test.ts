// The review pane's inspection in its worker (src/browser-inspect/inspect-worker.ts) against the same
// inspection on the page's own thread and in Node, in Chromium, on the lab page the bench uses
// (dist/playground/inspection.html): the same results, and the page keeps running while the worker reads.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbook } from '../../src/bench/inspection-bench.js';
import { zlibInflater } from '../../src/cli/zlib-inflater.js';
import { inspectAttachment } from '../../src/inspect/index.js';
import type { AttachmentInspection } from '../../src/policy/index.js';
import { docxFiles, encodeJapanese, patchZip, pdfWithPages, utf8, xlsxFiles, zipOf } from '../inspect/extract/fixtures.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.openPage('/playground/inspection.html');
  await page.waitForFunction(() => 'preflightInspectionLab' in globalThis);
});

afterAll(async () => {
  await harness?.close();
});

type Where = 'inWorker' | 'inThread';

async function inspectInPage(where: Where, name: string, bytes: Uint8Array, on: Page = page): Promise<AttachmentInspection> {
  return on.evaluate(
    async ({ where, name, encoded }) => {
      const lab = (
        globalThis as unknown as {
          preflightInspectionLab: Record<Where, (attachment: object, bytes: Uint8Array) => Promise<AttachmentInspection>>;
        }
      ).preflightInspectionLab;
      const bytes = Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0));
      return lab[where]({ name, size: bytes.length }, bytes);
    },
    { where, name, encoded: Buffer.from(bytes).toString('base64') },
  );
}

describe("inspection in the pane's worker", () => {
  it("finds what the page's own thread and Node find, file by file", async () => {
    const files: [string, Uint8Array][] = [
      ['顧客一覧.xlsx', await zipOf(xlsxFiles())],
      ['見積書.docx', await zipOf(docxFiles())],
      ['名簿.csv', encodeJapanese('氏名,電話,番号\n山田,03-1234-5678,123456789018', 'SJIS')],
      ['送付資料.zip', await zipOf({ 'a.txt': utf8('連絡先 taro@example.co.jp'), 'b.docx': await zipOf(docxFiles()) })],
      ['ppap.zip', patchZip(await zipOf({ 'a.txt': 'secret' }), { flags: 0x0009 })],
      ['broken.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])],
    ];
    for (const [name, bytes] of files) {
      const inNode = await inspectAttachment({ name, size: bytes.length }, bytes, { readers: { inflateRaw: zlibInflater() } });
      expect(await inspectInPage('inWorker', name, bytes), name).toEqual(inNode);
      expect(await inspectInPage('inThread', name, bytes), name).toEqual(inNode);
    }
    // Not every file came back clean: the comparison covered findings, encryption and damage.
    expect((await inspectInPage('inWorker', '顧客一覧.xlsx', files[0]![1])).personalData.length).toBeGreaterThan(0);
  });

  it('reads PDFs, alone and in a ZIP, from the worker with pdf.js on the page, as the page alone reads them', async () => {
    const fresh = await harness.openPage('/playground/inspection.html');
    await fresh.waitForFunction(() => 'preflightInspectionLab' in globalThis);
    const started: string[] = [];
    fresh.on('worker', (worker) => started.push(worker.url()));
    const scan = pdfWithPages(['マイナンバー 1234 5678 9018', '連絡先 taro@example.co.jp']);
    const files: [string, Uint8Array][] = [
      ['scan.pdf', scan],
      ['送付資料.zip', await zipOf({ 'a.txt': utf8('電話 03-1234-5678'), 'scan.pdf': scan })],
    ];
    for (const [name, bytes] of files) {
      const inWorker = await inspectInPage('inWorker', name, bytes, fresh);
      expect(inWorker, name).toEqual(await inspectInPage('inThread', name, bytes, fresh));
      expect(inWorker.personalData.find((tally) => tally.kind === 'my-number')?.high, name).toBe(1);
    }
    // The inspection worker read both files; the page started pdf.js's own worker (webpack emits it as an
    // .mjs asset, our workers as .js chunks) for each PDF it read.
    const pdfjsWorkers = started.filter((url) => url.endsWith('.mjs'));
    expect(started.length - pdfjsWorkers.length).toBe(1);
    expect(pdfjsWorkers.length).toBeGreaterThanOrEqual(2);
  });

  it('detects a large sheet on a second worker, with the answer one thread gives', async () => {
    const fresh = await harness.openPage('/playground/inspection.html');
    await fresh.waitForFunction(() => 'preflightInspectionLab' in globalThis);
    const started: string[] = [];
    fresh.on('worker', (worker) => started.push(worker.url()));
    // About 11 MB of sheet XML: its text is streamed (STREAM_FROM_BYTES).
    const bytes = await workbook(60_000);
    const alone = await inspectAttachment({ name: 'large.xlsx', size: bytes.length }, bytes, {
      readers: { inflateRaw: zlibInflater() },
    });
    expect(await inspectInPage('inWorker', 'large.xlsx', bytes, fresh)).toEqual(alone);
    // The inspection worker, and the detection worker it started for the sheet.
    expect(started).toHaveLength(2);
    expect(alone.personalData.find((tally) => tally.kind === 'my-number')?.high).toBe(12);
  });

  it("keeps the page's timers running while it reads a large workbook", async () => {
    const bytes = await workbook(60_000);
    const run = await page.evaluate(
      async ({ encoded }) => {
        const lab = (
          globalThis as unknown as {
            preflightInspectionLab: { inWorker: (attachment: object, bytes: Uint8Array) => Promise<AttachmentInspection> };
          }
        ).preflightInspectionLab;
        const bytes = Uint8Array.from(atob(encoded), (character) => character.charCodeAt(0));
        let ticks = 0;
        const timer = setInterval(() => (ticks += 1), 1);
        const inspection = await lab.inWorker({ name: 'large.xlsx', size: bytes.length }, bytes);
        clearInterval(timer);
        return { ticks, inspection };
      },
      { encoded: Buffer.from(bytes).toString('base64') },
    );
    expect(run.inspection.status).toBe('inspected');
    expect(run.inspection.personalData.find((tally) => tally.kind === 'my-number')?.high).toBe(12);
    expect(run.ticks).toBeGreaterThan(1);
  });
});
