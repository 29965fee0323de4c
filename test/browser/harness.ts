// One real server (buildApp over the built dist/) and one Debian Chromium per test file. Every request
// that is not for the test server is refused, so nothing (the Office CDN included) leaves the machine.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { startOutOfTheBoxServer } from '../../src/bench/out-of-the-box-server.js';
import { startPlaygroundServer, type PlaygroundServer, type PlaygroundServerOptions } from '../../src/bench/playground-server.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(root, 'test-output', 'screenshots');

/** The organisation of every browser test: example.co.jp inside, everything else outside. */
export const TEST_POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  trustedDomains: [],
  blockedRecipients: [],
  attentionRecipients: [],
  mailingLists: [],
  keywords: [],
  bccSuggestThreshold: 2,
  confirmInternalOnly: false,
  onError: 'block',
};

export interface OpenOptions {
  /** Runs on the new page before it loads (e.g. to install a fake clock). */
  readonly beforeNavigate?: (page: Page) => Promise<void>;
}

export interface Harness {
  readonly origin: string;
  readonly browser: Browser;
  readonly app: FastifyInstance;
  /** The server's store (links.sqlite, blobs/), for tests that read what it kept. */
  readonly dataDirectory: string;
  /** The policy file the server seeded version 1 from; reload with `app.preflight.reloadPolicy()` after writing it. */
  readonly policyFile: string;
  /** A fresh context and page on the playground, with the given query (`lang=ja-JP`, …). */
  openPlayground(query?: string, options?: OpenOptions): Promise<Page>;
  /** A fresh context and page on one of the server's own pages (`/approve/<id>`), in the browser language given. */
  openPage(path: string, locale?: string, options?: OpenOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(policy: object = TEST_POLICY, options: PlaygroundServerOptions = {}): Promise<Harness> {
  const work = await mkdtemp(join(tmpdir(), 'preflight-browser-'));
  const policyFile = join(work, 'policy.json');
  await writeFile(policyFile, JSON.stringify(policy));
  return harnessOver(await startPlaygroundServer(root, policyFile, options), policyFile, () => rm(work, { recursive: true, force: true }));
}

/** The server as `npm start` runs it, with no variables but PORT: on localhost, the checkout's policy (out-of-the-box-server.ts). */
export async function startOutOfTheBoxHarness(): Promise<Harness> {
  const server = await startOutOfTheBoxServer(root);
  return harnessOver(server, server.policyFile, async () => undefined);
}

async function harnessOver(server: PlaygroundServer, policyFile: string, removeWork: () => Promise<void>): Promise<Harness> {
  const { app, browser, origin, port, dataDirectory, close } = server;
  const host = new URL(origin).hostname;
  const contexts: BrowserContext[] = [];
  const newPage = async (locale: string): Promise<Page> => {
    // Reduced motion: dialogs appear at once, so screenshots never catch them half faded in.
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1360, height: 900 },
      locale,
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === host && url.port === String(port) ? route.continue() : route.abort('blockedbyclient');
    });
    return context.newPage();
  };

  return {
    origin,
    browser,
    app,
    dataDirectory,
    policyFile,
    async openPlayground(query = '', options: OpenOptions = {}) {
      const page = await newPage('en-US');
      await options.beforeNavigate?.(page);
      await page.goto(`${origin}/playground/${query === '' ? '' : `?${query}`}`);
      await waitForAddin(page);
      return page;
    },
    async openPage(path, locale = 'en-US', options: OpenOptions = {}) {
      const page = await newPage(locale);
      await options.beforeNavigate?.(page);
      await page.goto(`${origin}${path}`);
      return page;
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await close();
      await removeWork();
    },
  };
}

/** The handler frame has associated its functions and OnNewMessageCompose has finished. */
export async function waitForAddin(page: Page): Promise<void> {
  await page.locator('[data-log-key="playground.log.composeCompleted"]').first().waitFor();
}

/** Types recipients into a field of the compose form, as a user would, each resolved with Enter. */
export async function addRecipients(page: Page, field: 'to' | 'cc' | 'bcc', ...recipients: string[]): Promise<void> {
  const input = page.getByTestId(`compose-${field}-input`);
  for (const recipient of recipients) {
    await input.fill(recipient);
    await input.press('Enter');
  }
}

export async function attachFile(page: Page, name: string, content: string): Promise<void> {
  await page
    .getByTestId('compose-attach-input')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  await page.getByTestId('compose-attachment').filter({ hasText: name }).waitFor();
}

/** The review pane's frame once its review is on screen (the Confirm button comes with it). */
export async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.getByTestId('pane-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (frame === null || frame === undefined) throw new Error('the pane frame is not there');
  await frame.getByTestId('preflight-confirm').waitFor();
  return frame;
}

/** The whole page, or one part of it (a Locator, such as the pane beside the message). */
export async function screenshot(target: { screenshot(options: { path: string }): Promise<unknown> }, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Ticks every checklist item the pane shows, with the mouse. */
export async function tickEverything(pane: Frame): Promise<void> {
  const unticked = pane.locator('input[data-testid^="preflight-item-"]:not(:checked)');
  // The pane may refresh between two ticks (an item event arriving late), so each round looks again.
  for (let round = 0; round < 200 && (await unticked.count()) > 0; round += 1) await unticked.first().check();
}

/** Presses Send and waits for Outlook's answer: the Smart Alerts dialog or the sent view. */
export async function pressSend(page: Page): Promise<'dialog' | 'sent'> {
  await page.getByTestId('compose-send').click();
  const dialog = page.getByTestId('smart-alert-dialog');
  const sent = page.getByTestId('sent-view');
  await dialog.or(sent).waitFor();
  return (await sent.isVisible()) ? 'sent' : 'dialog';
}

/** Presses the pane's Protect as encrypted ZIP; resolves with the password it shows once the ZIP is on the message. */
export async function protectAsZip(page: Page, pane: Frame): Promise<string> {
  await pane.getByTestId('preflight-protect-zip').click();
  const passwordField = pane.getByTestId('preflight-zip-password');
  await passwordField.waitFor();
  await page.getByTestId('compose-attachment').filter({ hasText: '.zip' }).waitFor();
  return passwordField.inputValue();
}
