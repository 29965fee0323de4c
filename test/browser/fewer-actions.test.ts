// The two pane paths that save actions: Confirm and send (Mailbox 1.15 with ReadWriteMailbox: the pane sends
// through item.sendAsync) and the pinned pane (open while writing: the last tick confirms, Send goes through).
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, pressSend, screenshot, startHarness, tickEverything, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The pane's frame once a review is on screen and nothing is in progress. */
async function readyPane(page: Page): Promise<Frame> {
  const frame = await (await page.getByTestId('pane-frame').elementHandle())?.contentFrame();
  if (frame === null || frame === undefined) throw new Error('the pane frame is not there');
  await frame.locator('[data-testid="preflight-confirm"], [data-testid="preflight-confirm-send"]').first().waitFor();
  await frame.locator('[data-testid="preflight-status"]:not([data-intent="busy"])').waitFor();
  return frame;
}

describe('fewer actions from the pane', () => {
  it('Confirm and send: the pane records the confirmation and sends, and OnMessageSend lets it go', async () => {
    const page = await harness.openPlayground('permission=ReadWriteMailbox');
    await addRecipients(page, 'to', 'Ken Mori <ken@newclient.example>');
    await page.getByTestId('compose-subject').fill('Quotation');
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await readyPane(page);
    const button = pane.getByTestId('preflight-confirm-send');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await pane.getByTestId('preflight-confirm').count()).toBe(0);
    await pane.getByLabel('ken@newclient.example', { exact: false }).first().check();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    expect(await button.getAttribute('aria-disabled')).toBeNull();
    await screenshot(page, 'pane-confirm-and-send');
    await button.click();
    await page.getByTestId('sent-view').waitFor();
    expect(await page.getByTestId('sent-to').textContent()).toBe('ken@newclient.example');
    // The send went through the handler, as item.sendAsync does in Outlook.
    expect(await page.locator('[data-log-key="playground.log.paneSend"]').count()).toBe(1);
    expect(await page.locator('[data-log-key="playground.log.sendCompleted"]').count()).toBe(2);
  });

  it('keeps the ordinary Confirm where the manifest asks only for ReadWriteItem', async () => {
    const page = await harness.openPlayground('permission=ReadWriteItem');
    await addRecipients(page, 'to', 'ken@newclient.example');
    await page.getByTestId('compose-open-pane').click();
    const pane = await readyPane(page);
    expect(await pane.getByTestId('preflight-confirm-send').count()).toBe(0);
    expect(await pane.getByTestId('preflight-confirm').count()).toBe(1);
  });

  it('pinned pane: the checklist follows the message as it is written, and Send goes straight through', async () => {
    const page = await harness.openPlayground('lang=ja-JP');
    await page.getByTestId('compose-open-pane').click();
    await readyPane(page);
    await addRecipients(page, 'to', 'Hanako <hanako@partner-one.example>', 'jiro.sato@example.co.jp');
    await addRecipients(page, 'cc', 'ken@partner-two.example');
    const pane = await readyPane(page);
    for (const address of ['hanako@partner-one.example', 'ken@partner-two.example'])
      await pane.getByLabel(address, { exact: false }).first().waitFor();
    // The two addresses, and the suggestion to hide two outside domains from each other.
    await tickEverything(pane);
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('確認を記録しました');
    await screenshot(page, 'pane-pinned-ja');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.locator('[data-log-key="playground.log.paneSend"]').count()).toBe(0);
  });
});
