// Protecting attachments from the pane, end to end: the pane asks the real server for an AES-256 ZIP with
// the playground's development token, swaps the attachments, shows the password once, and Send accepts it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractWithSevenZip } from '../server/zip/seven-zip.js';
import {
  addRecipients,
  attachFile,
  paneFrame,
  pressSend,
  protectAsZip,
  screenshot,
  startHarness,
  TEST_POLICY,
  tickEverything,
  type Harness,
} from './harness.js';

// No mail relay here, so the password's link needs no one-time code.
const POLICY = { ...TEST_POLICY, attachments: { protection: { external: 'zip', link: { requireCode: false } } } };
const QUOTATION = 'item,price\nwidget,1200\n';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(POLICY);
});

afterAll(async () => {
  await harness?.close();
});

describe('Protect attachments in the pane', () => {
  it('replaces the attachment with an AES-256 ZIP, shows the password once, and the next Send goes through', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'hanako@partner.example');
    await page.getByTestId('compose-subject').fill('Quotation');
    await attachFile(page, '見積書.csv', QUOTATION);

    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('Protect attachments');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    const password = await protectAsZip(page, pane);
    expect(password.length).toBeGreaterThanOrEqual(16);
    await expect.poll(() => page.getByTestId('compose-attachment').allTextContents()).toEqual([expect.stringContaining('attachments.zip')]);
    await expect.poll(() => pane.locator('body').textContent()).not.toContain('Not protected');
    // The pressed button is gone with the findings it answered: the keyboard's place is the outcome.
    await expect.poll(() => pane.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('preflight-protect-outcome');
    await screenshot(page, 'protect-zip-password');
    await pane.getByTestId('preflight-send-password').click();
    await expect.poll(() => page.locator('[data-log-key="playground.log.newMessage"]').textContent()).toContain('hanako@partner.example');

    // Or the password behind a secure link, in another separate message: the link hands over the password.
    await pane.getByTestId('preflight-password-link').click();
    await expect.poll(() => pane.getByTestId('preflight-password-link-outcome').textContent()).toContain('check it and send it');
    const passwordMessage = (await page.locator('[data-log-key="playground.log.newMessage"]').last().textContent()) ?? '';
    expect(passwordMessage).not.toContain(password);
    const url = /hanako@partner\.example: (https:\/\/\S+)/.exec(passwordMessage)?.[1] ?? '';
    expect(url).toMatch(/\/d\//);
    const recipientPage = await page.context().newPage();
    await recipientPage.goto(url);
    const [saved] = await Promise.all([
      recipientPage.waitForEvent('download'),
      recipientPage.getByRole('button', { name: /Password for attachments\.zip\.txt/ }).click(),
    ]);
    expect((await readFile(await saved.path())).toString('utf8')).toContain(password);
    await recipientPage.close();

    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-attachments').textContent()).toBe('attachments.zip');
    await screenshot(page, 'protect-zip-sent');

    // What the recipient gets opens in Debian's 7-Zip with the password the pane showed, and only with it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sent-attachment').click()]);
    const archive = await readFile(await download.path());
    const opened = await extractWithSevenZip(archive, password);
    expect(opened.run.code).toBe(0);
    expect(opened.files.get('見積書.csv')?.toString('utf8')).toBe(QUOTATION);
    const wrong = await extractWithSevenZip(archive, `${password}x`);
    expect(wrong.run.code).not.toBe(0);
    expect(wrong.files.get('見積書.csv')?.toString('utf8')).not.toBe(QUOTATION);
  });

  /** To one outside recipient with one attachment, then the pane's Protect attachments as a ZIP. */
  async function protectOne(name: string, content: string) {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'hanako@partner.example');
    await attachFile(page, name, content);
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    return { page, pane };
  }

  it('shows how much of a large ZIP request has gone to the server, then the ZIP', async () => {
    // 3 MiB of attachment (4 MiB as base64 in JSON) over an upload throttled to 1 MiB/s.
    const big = 'customer,amount\n'.repeat(196_608);
    const { page, pane } = await protectOne('sales.csv', big);
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await pane.getByTestId('preflight-protect-zip').click();
    const bar = pane.getByTestId('preflight-progress');
    await bar.waitFor();
    await expect
      .poll(() => pane.getByTestId('preflight-status').textContent())
      .toMatch(/Sending to the Preflight server for encryption: \d+% \([\d.]+ of 4(\.\d)? MB\)/);
    await screenshot(page, 'protect-zip-progress');
    await pane.getByTestId('preflight-zip-password').waitFor({ timeout: 30_000 });
    expect(await bar.count()).toBe(0);
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await expect.poll(() => page.getByTestId('compose-attachment').allTextContents()).toEqual([expect.stringContaining('attachments.zip')]);
  });

  it('keeps the original attachment and says why when the server fails', async () => {
    const { page, pane } = await protectOne('見積書.csv', QUOTATION);
    await page.route('**/api/protect/zip', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'The ZIP service is down for maintenance' }),
      }),
    );
    await pane.getByTestId('preflight-protect-zip').click();
    const failure = pane.getByTestId('preflight-protect-failed');
    await expect.poll(() => failure.textContent()).toContain('The Preflight server did not protect the attachments');
    expect(await failure.textContent()).toContain('The ZIP service is down for maintenance');
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('compose-attachment').allTextContents()).toEqual([expect.stringContaining('見積書.csv')]);
    expect(await pane.getByTestId('preflight-zip-password').count()).toBe(0);
    // Send still stops: the attachment is going out unprotected.
    expect(await pressSend(page)).toBe('dialog');
    await screenshot(page, 'protect-zip-failed');
  });
});
