// `npm run bench`: figures only, no pass or fail. The handler runs in Chromium through the playground;
// evaluate runs in Node.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '../policy/index.js';
import { benchEvaluate } from './evaluate-bench.js';
import { benchHandler } from './handler-bench.js';
import { printInspection } from './inspection-bench.js';
import { describeMachine } from './machine.js';
import { printLinkUpload } from './links-upload.js';
import { formatMs } from './statistics.js';
import { printZipThroughput } from './zip-throughput.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  console.log('Preflight benchmarks');
  console.log('');
  for (const line of describeMachine()) console.log(`  ${line}`);
  console.log('');

  const handler = await benchHandler(root, [10, 100, 500], 15);
  console.log(`Send handler (onMessageSendHandler) in the playground, Chromium ${handler.browserVersion}`);
  console.log('  policy cached in sessionData by OnNewMessageCompose and fetched again from the local server each run');
  console.log('  recipients   median      runs   outcome');
  for (const figure of handler.figures) {
    console.log(`  ${String(figure.recipients).padEnd(12)} ${formatMs(figure.medianMs).padEnd(11)} ${String(figure.runs).padEnd(6)} ${figure.outcome}`);
  }
  console.log('');

  const parsed = parsePolicy(JSON.parse(await readFile(join(root, 'config', 'policy.json'), 'utf8')));
  if (!parsed.ok) throw new Error('config/policy.json is not a valid policy');
  const figures = benchEvaluate(parsed.policy, 1_000, 500);
  console.log('Policy evaluate in Node');
  console.log(`  ${figures.recipients} recipients: median ${formatMs(figures.medianMs)} over ${figures.iterations} iterations (decision: ${figures.decision})`);
  console.log('');
  await printZipThroughput();
  console.log('');
  await printLinkUpload(root);
  console.log('');
  await printInspection(root);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
