// The send handler as Outlook on the web would run it: the built launchevent.js in the playground's
// event frame, served by the real server, in Debian Chromium. Each figure is from the moment the
// handler is called to its event.completed, as the playground measures it in the page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AUDIT_HANDLER_EVENTS_PATH } from '../protocol/index.js';
import { recipientListOf } from '../policy/index.js';
import { startPlaygroundServer } from './playground-server.js';
import { sampleRecipients } from './sample-message.js';
import { median } from './statistics.js';

export interface HandlerFigures {
  readonly recipients: number;
  /** Runs in each mode. */
  readonly runs: number;
  readonly medianMs: number;
  /** The same Send with the browser refusing the handler's audit post. */
  readonly medianNoAuditMs: number;
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

const WARM_UP_RUNS = 3;
const PAUSE_BETWEEN_SENDS_MS = 250;

/** Runs alternate between the audit endpoint answering and refused, in blocks, so machine noise hits both. */
const BLOCK = 5;

export async function benchHandler(root: string, recipientCounts: readonly number[], runs: number): Promise<HandlerBenchResult> {
  const policyFile = join(root, 'config', 'policy.json');
  const policy = JSON.parse(await readFile(policyFile, 'utf8')) as { internalDomains?: string[] };
  const internalDomain = recipientListOf(policy.internalDomains ?? []).domains[0] ?? 'example.co.jp';
  const { browser, origin, close } = await startPlaygroundServer(root, policyFile);
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    let audit = true;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      // Without the audit: the browser refuses the handler's post, as if the server took no events.
      const refused = url.origin !== origin || (!audit && url.pathname === AUDIT_HANDLER_EVENTS_PATH);
      return refused ? route.abort('blockedbyclient') : route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${origin}/playground/?lang=en-US`);
    // OnNewMessageCompose has run, so the policy is cached in sessionData as in Outlook.
    await page.locator('[data-log-key="playground.log.composeCompleted"]').first().waitFor({ timeout: 30_000 });
    const figures: HandlerFigures[] = [];
    for (const count of recipientCounts) {
      const recipients = sampleRecipients(count, internalDomain);
      const on: number[] = [];
      const off: number[] = [];
      let outcome = '';
      await measure(page, recipients, WARM_UP_RUNS);
      for (let done = 0; done < runs; done += BLOCK) {
        for (const mode of [true, false]) {
          audit = mode;
          const block = await measure(page, recipients, Math.min(BLOCK, runs - done));
          (mode ? on : off).push(...block.samples);
          outcome = block.outcome;
        }
      }
      audit = true;
      figures.push({ recipients: count, runs, medianMs: median(on), medianNoAuditMs: median(off), outcome });
    }
    return { browserVersion: browser.version(), figures };
  } finally {
    await close();
  }
}

async function measure(
  page: Page,
  recipients: readonly object[],
  runs: number,
): Promise<{ readonly samples: readonly number[]; readonly outcome: string }> {
  const result = await page.evaluate(
    async ({ entries, total, pauseMs }) => {
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
        // Sends are seconds apart, not back to back: what a run does after event.completed (the audit
        // post) must not be counted against the next one.
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      return { samples, options };
    },
    { entries: recipients, total: runs, pauseMs: PAUSE_BETWEEN_SENDS_MS },
  );
  return { samples: result.samples, outcome: describeOutcome(result.options) };
}

/** allow, review (a confirm with the pane button) or stop (block, or a failed check). */
function describeOutcome(options: unknown): string {
  const record = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  if (record['allowEvent'] !== false) return 'allow';
  return typeof record['commandId'] === 'string' ? 'review' : 'stop';
}
