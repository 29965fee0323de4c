// `node build/bench/workbook-node.js <file.xlsx>`: the workbook's Node figures, timed in this fresh process
// and printed as JSON for workbook-bench.ts.
import { readFile } from 'node:fs/promises';
import { nodeWorkbookFigures } from './workbook-bench.js';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: workbook-node.js <file.xlsx>');
  const xlsx = new Uint8Array(await readFile(file));
  process.stdout.write(JSON.stringify(await nodeWorkbookFigures(xlsx)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
