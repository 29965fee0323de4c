// `node build/bench/workbook-node.js <file.xlsx> <extract|inspect>`: one of the workbook's Node figures,
// timed in this fresh process and printed as JSON for workbook-bench.ts.
import { readFile } from 'node:fs/promises';
import { NODE_WORKBOOK_PARTS, nodeWorkbookFigure, type NodeWorkbookPart } from './workbook-bench.js';

function isPart(text: string | undefined): text is NodeWorkbookPart {
  return NODE_WORKBOOK_PARTS.some((part) => part === text);
}

async function main(): Promise<void> {
  const [file, part] = process.argv.slice(2);
  if (file === undefined || !isPart(part)) throw new Error(`usage: workbook-node.js <file.xlsx> <${NODE_WORKBOOK_PARTS.join('|')}>`);
  const xlsx = new Uint8Array(await readFile(file));
  process.stdout.write(JSON.stringify(await nodeWorkbookFigure(xlsx, part)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
