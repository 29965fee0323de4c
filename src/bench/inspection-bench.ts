// Content inspection figures: plain-text detection against one NFKC pass over the same text, a
// 10 MB workbook through the pane's extraction, and the size of the handler bundle.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { detectAll } from '../inspect/index.js';
import { printMarkupGrowth } from './markup-growth.js';
import { formatMs, median } from './statistics.js';
import { compileMedianMs } from './bundle-compile.js';
import { lyingWorkbook } from './lying-workbook.js';
import { printLyingWorkbook, printWorkbookInspection } from './workbook-bench.js';

const MB = 1024 * 1024;
/** About 10 MB of xlsx once deflated, as the issue asks. */
const ROWS = 480_000;

/** A small deterministic generator (mulberry32), so every run inspects the same text. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = [
  'いつもお世話になっております。',
  '先日の打ち合わせの件、資料をお送りします。',
  'ご確認のほどよろしくお願いいたします。',
  '来週の会議は第３会議室で１０時からです。',
  'Please find the revised schedule below.',
  '見積書は月末までにご提出ください。',
];
const PLACES = ['東京都千代田区丸の内１－２－３', '大阪府大阪市北区梅田２丁目５番', '北海道札幌市中央区北一条西４－１'];

function digits(random: () => number, count: number): string {
  let text = '';
  for (let index = 0; index < count; index += 1) text += String(Math.floor(random() * 10));
  return text;
}

/** Prose with the personal data a real mailbox holds now and then: addresses, phones, mail, a My Number. */
export function mixedJapaneseText(bytes: number, seed = 1): string {
  const random = seeded(seed);
  const pieces: string[] = [];
  let length = 0;
  while (length < bytes) {
    const roll = random();
    const piece =
      roll < 0.8
        ? PROSE[Math.floor(random() * PROSE.length)]!
        : roll < 0.88
          ? `〒${digits(random, 3)}-${digits(random, 4)} ${PLACES[Math.floor(random() * PLACES.length)]!}`
          : roll < 0.94
            ? `電話 0${digits(random, 2)}-${digits(random, 4)}-${digits(random, 4)}`
            : roll < 0.98
              ? `連絡先 user${digits(random, 4)}@example${digits(random, 1)}.co.jp`
              : '個人番号 1234 5678 9018';
    pieces.push(piece, random() < 0.3 ? '\n' : '');
    length += Buffer.byteLength(piece, 'utf8') + 1;
  }
  return pieces.join('');
}

function chunks(text: string, size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < text.length; start += size) result.push(text.slice(start, start + size));
  return result;
}

export async function workbook(rows: number): Promise<Uint8Array> {
  const random = seeded(7);
  const lines: string[] = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let row = 1; row <= rows; row += 1) {
    const myNumber = row % 5000 === 0 ? '<c t="inlineStr"><is><t>個人番号</t></is></c><c><v>123456789018</v></c>' : '';
    lines.push(
      `<row r="${row}"><c t="inlineStr"><is><t>顧客${digits(random, 6)}</t></is></c>` +
        `<c t="inlineStr"><is><t>${PLACES[row % PLACES.length]!}</t></is></c>` +
        `<c><v>${digits(random, 8)}</v></c><c><v>${(random() * 1e6).toFixed(2)}</v></c>${myNumber}</row>`,
    );
  }
  lines.push('</sheetData></worksheet>');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', lines.join(''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Prose alone, as most mail is: the full-width digits of its times and rooms are all the prefilter meets. */
function japaneseProse(bytes: number, seed = 2): string {
  const random = seeded(seed);
  const pieces: string[] = [];
  let length = 0;
  while (length < bytes) {
    const piece = PROSE[Math.floor(random() * PROSE.length)]!;
    pieces.push(piece, random() < 0.3 ? '\n' : '');
    length += Buffer.byteLength(piece, 'utf8') + 1;
  }
  return pieces.join('');
}

/**
 * detectAll against one NFKC pass (the anchor of issue 14) and one trivial regex pass, the median of
 * `runs`: the prose takes some 40 ms a run, where three runs left the anchor itself 30% apart between
 * invocations.
 */
function printDetection(label: string, text: string, runs: number): void {
  const textBytes = Buffer.byteLength(text, 'utf8');
  const pieces = chunks(text, MB / 3);
  const detectMs: number[] = [];
  const nfkcMs: number[] = [];
  const regexMs: number[] = [];
  let found = 0;
  let trivial = 0;
  for (let run = 0; run < runs; run += 1) {
    let started = performance.now();
    found = 0;
    for (const piece of pieces) found += detectAll(piece).length;
    detectMs.push(performance.now() - started);
    started = performance.now();
    for (const piece of pieces) piece.normalize('NFKC');
    nfkcMs.push(performance.now() - started);
    started = performance.now();
    trivial = 0;
    for (const piece of pieces) trivial += piece.match(/\d{4}/g)?.length ?? 0;
    regexMs.push(performance.now() - started);
  }
  const rate = (runs: number[]): number => textBytes / MB / (median(runs) / 1000);
  console.log(
    `  ${(textBytes / MB).toFixed(1)} MiB of ${label} (UTF-8), in chunks of about 1 MiB as attachments arrive, median of ${runs}`,
  );
  console.log(`    detectAll         ${formatMs(median(detectMs)).padEnd(11)} ${rate(detectMs).toFixed(1)} MiB/s   ${found} matches`);
  console.log(`    normalize('NFKC') ${formatMs(median(nfkcMs)).padEnd(11)} ${rate(nfkcMs).toFixed(1)} MiB/s`);
  console.log(`    /\\d{4}/g once     ${formatMs(median(regexMs)).padEnd(11)} ${rate(regexMs).toFixed(1)} MiB/s   ${trivial} matches`);
  console.log(
    `    ratio (detectAll throughput / one NFKC pass): ${(rate(detectMs) / rate(nfkcMs)).toFixed(3)}x; / trivial regex: ${(rate(detectMs) / rate(regexMs)).toFixed(3)}x`,
  );
}

export async function printInspection(root: string): Promise<void> {
  console.log('Plain-text inspection in Node (detectAll: prefilter, normalise the windows, every detector)');
  printDetection('mixed Japanese text', mixedJapaneseText(50 * MB), 3);
  printDetection('Japanese prose without personal data', japaneseProse(8 * MB), 15);
  console.log('');
  await printMarkupGrowth();
  console.log('');

  await printWorkbookInspection(root, await workbook(ROWS), ROWS);
  console.log('');
  await printLyingWorkbook(root, lyingWorkbook());
  console.log('');

  // Issue 14's goal for the handler bundle (docs/benchmarks.md); `node scripts/bundle-composition.js` says what fills it.
  const HANDLER_BUNDLE_GOAL_BYTES = 150 * 1024;
  const bundle = await readFile(join(root, 'dist', 'launchevent.js'), 'utf8').catch(() => null);
  console.log('Handler bundle');
  if (bundle === null) {
    console.log('  dist/launchevent.js is missing: run `npm run build` first');
    return;
  }
  const bytes = Buffer.byteLength(bundle, 'utf8');
  console.log(
    `  dist/launchevent.js: ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(0)} KiB), ${(bytes / HANDLER_BUNDLE_GOAL_BYTES).toFixed(2)}x the goal of 150 KB`,
  );
  const compileMs = compileMedianMs(bundle);
  console.log(
    `  V8 compiles it in ${formatMs(compileMs)} (median of 30, no code cache); at the same rate 150 KB would take ${formatMs((compileMs * HANDLER_BUNDLE_GOAL_BYTES) / bytes)}`,
  );
}
