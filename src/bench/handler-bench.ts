// The send handler as Outlook on the web would run it: the built launchevent.js in the playground's
// event frame, served by the real server, in Debian Chromium. Each figure is from the moment the
// handler is called to its event.completed, as the playground measures it in the page.
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../server/app.js';
import { developmentCertificate } from '../server/dev-certificate.js';
import { freePort } from './free-port.js';
import { sampleRecipients } from './sample-message.js';
import { median } from './statistics.js';

export interface HandlerFigures {
  readonly recipients: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly outcome: string;
}

export interface HandlerBenchResult {
  readonly browserVersion: string;
  readonly figures: readonly HandlerFigures[];
}

/** The part of window.preflightPlayground the benchmark drives (src/playground/playground-api.ts). */
interface PlaygroundPage {
  readonly host: {
    readonly message: { replaceRecipients(lists: Record<string, readonly object[]>): void };
    runSendHandler(): Promise<{ readonly options: unknown; readonly elapsedMs: number }> | null;
  };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WARM_UP_RUNS = 3;

export async function benchHandler(root: string, recipientCounts: readonly number[], runs: number): Promise<HandlerBenchResult> {
  const policyFile = join(root, 'config', 'policy.json');
  const policy = JSON.parse(await readFile(policyFile, 'utf8')) as { internalDomains?: string[] };
  const internalDomain = policy.internalDomains?.[0] ?? 'example.co.jp';
  const certificates = join(tmpdir(), 'preflight-test-certificates');
  await mkdir(certificates, { recursive: true });
  const certificate = await developmentCertificate({ directory: certificates, trustedDirectory: null }, ['127.0.0.1', 'localhost'], new Date());
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const app = await buildApp(
    {
      publicOrigin: origin,
      policyFile,
      distDirectory: join(root, 'dist'),
      assetsDirectory: join(root, 'assets'),
      watchPolicy: false,
      frameAncestors: ["'self'"],
      logLevel: 'silent',
    },
    { https: { key: certificate.key, cert: certificate.cert } },
  );
  await app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(`${origin}/playground/?lang=en-US`);
    // OnNewMessageCompose has run, so the policy is cached in sessionData as in Outlook.
    await page.locator('[data-log-key="playground.log.composeCompleted"]').first().waitFor({ timeout: 30_000 });
    const figures: HandlerFigures[] = [];
    for (const count of recipientCounts) figures.push(await measure(page, sampleRecipients(count, internalDomain), runs));
    return { browserVersion: browser.version(), figures };
  } finally {
    await browser.close();
    await app.close();
  }
}

async function measure(page: Page, recipients: readonly object[], runs: number): Promise<HandlerFigures> {
  const result = await page.evaluate(
    async ({ entries, total }) => {
      const api = (globalThis as unknown as { preflightPlayground: PlaygroundPage }).preflightPlayground;
      api.host.message.replaceRecipients({ to: entries.map((entry) => ({ ...entry, resolved: true })), cc: [], bcc: [] });
      const samples: number[] = [];
      let options: unknown;
      for (let run = 0; run < total; run += 1) {
        const running = api.host.runSendHandler();
        if (running === null) throw new Error('onMessageSendHandler is not associated');
        const completion = await running;
        samples.push(completion.elapsedMs);
        options = completion.options;
      }
      return { samples, options };
    },
    { entries: recipients, total: runs + WARM_UP_RUNS },
  );
  return {
    recipients: recipients.length,
    runs,
    medianMs: median(result.samples.slice(WARM_UP_RUNS)),
    outcome: describeOutcome(result.options),
  };
}

/** allow, review (a confirm with the pane button) or stop (block, or a failed check). */
function describeOutcome(options: unknown): string {
  const record = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  if (record['allowEvent'] !== false) return 'allow';
  return typeof record['commandId'] === 'string' ? 'review' : 'stop';
}
