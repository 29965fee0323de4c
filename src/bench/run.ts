// `npm run bench`: figures only, no pass or fail. The handler runs in Chromium through the playground;
// evaluate runs in Node.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '../policy/index.js';
import { benchActions } from './actions-bench.js';
import { actionsReport } from './actions-report.js';
import { benchEvaluate, type NewMessageFigure } from './evaluate-bench.js';
import { benchHandler } from './handler-bench.js';
import { printInspection } from './inspection-bench.js';
import { describeMachine } from './machine.js';
import { printLinkUpload } from './links-upload.js';
import { printLoad } from './load/load-bench.js';
import { formatMs } from './statistics.js';
import { printZipThroughput } from './zip-throughput.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `npm run bench -- actions handler` runs only the named sections; no names run them all. */
const SECTIONS = ['actions', 'handler', 'evaluate', 'zip', 'links', 'load', 'inspection'] as const;
type Section = (typeof SECTIONS)[number];

function chosenSections(args: readonly string[]): ReadonlySet<Section> {
  const unknown = args.filter((arg) => !(SECTIONS as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`Unknown bench section(s): ${unknown.join(', ')}. Choose from: ${SECTIONS.join(', ')}.`);
  return new Set(args.length === 0 ? SECTIONS : (args as Section[]));
}

async function main(): Promise<void> {
  const sections = chosenSections(process.argv.slice(2));
  console.log('Preflight benchmarks');
  console.log('');
  for (const line of describeMachine()) console.log(`  ${line}`);
  console.log('');

  if (sections.has('actions')) {
    console.log('Actions at Send, counted in the playground (config/policy.json; partner.co.jp is trusted)');
    for (const line of actionsReport(await benchActions(root))) console.log(line);
    console.log('');
  }

  if (sections.has('handler')) {
    const handler = await benchHandler(root, [10, 100, 500], 20);
    console.log(`Send handler (onMessageSendHandler) in the playground, Chromium ${handler.browserVersion}`);
    console.log('  policy cached in sessionData by OnNewMessageCompose and fetched again from the local server each run');
    console.log('  time to event.completed; "no audit": the browser refuses the handler\'s audit post (runs alternate in blocks of 5)');
    console.log('  recipients   median      no audit    on/off   runs   outcome');
    for (const figure of handler.figures) {
      const ratio = (figure.medianMs / figure.medianNoAuditMs).toFixed(2);
      console.log(
        `  ${String(figure.recipients).padEnd(12)} ${formatMs(figure.medianMs).padEnd(11)} ${formatMs(figure.medianNoAuditMs).padEnd(11)} ${ratio.padEnd(8)} ${String(figure.runs).padEnd(6)} ${figure.outcome}`,
      );
    }
    console.log('');
  }

  if (sections.has('evaluate')) {
    const parsed = parsePolicy(JSON.parse(await readFile(join(root, 'config', 'policy.json'), 'utf8')));
    if (!parsed.ok) throw new Error('config/policy.json is not a valid policy');
    const figures = benchEvaluate(parsed.policy, 1_000, 500);
    const ratio = figures.medianMs / figures.bareMedianMs;
    console.log(
      `Policy evaluate in Node: ${figures.recipients} recipients over ${figures.outsideDomains} outside domains, ${figures.policyDomains} policy domains`,
    );
    console.log(
      `  evaluate ${formatMs(figures.medianMs)}, bare Set-lookup classifier ${formatMs(figures.bareMedianMs)}: ${ratio.toFixed(1)}x (goal within 2x; median of ${figures.iterations}, decision ${figures.decision})`,
    );
    const newMessage = (label: string, figure: NewMessageFigure): string =>
      `  ${label}: ${formatMs(figure.medianMs)}, bare classifier on an equal new message ${formatMs(figure.bareMedianMs)}: ${(figure.medianMs / figure.bareMedianMs).toFixed(1)}x`;
    console.log(newMessage('a new message each time (no address or outside domain seen before)', figures.cold));
    console.log(newMessage('new addresses at the outside domains seen before', figures.newAddresses));
    console.log(newMessage('a new message with its fingerprint read (as the pane does)', figures.coldFingerprint));
    console.log('');
  }
  if (sections.has('zip')) {
    await printZipThroughput();
    console.log('');
  }
  if (sections.has('links')) {
    await printLinkUpload(root);
    console.log('');
  }
  if (sections.has('load')) {
    await printLoad(root);
    console.log('');
  }
  if (sections.has('inspection')) await printInspection(root);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
