// Protecting attachments from the pane, end to end: the pane asks the real server for an AES-256 ZIP with
// the playground's development token, swaps the attachments, shows the password once, and Send accepts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, attachFile, paneFrame, pressSend, screenshot, startHarness, TEST_POLICY, tickEverything, type Harness } from './harness.js';

const POLICY = { ...TEST_POLICY, attachments: { protection: { external: 'zip' } } };

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
    await attachFile(page, 'quotation.csv', 'item,price\nwidget,1200\n');

    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('Protect attachments');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await pane.getByTestId('preflight-protect-zip').click();
    const password = pane.getByTestId('preflight-zip-password');
    await password.waitFor();
    expect((await password.inputValue()).length).toBeGreaterThanOrEqual(16);
    await expect.poll(() => page.getByTestId('compose-attachment').allTextContents()).toEqual([expect.stringContaining('attachments.zip')]);
    await expect.poll(() => pane.locator('body').textContent()).not.toContain('Not protected');
    await screenshot(page, 'protect-zip-password');
    await pane.getByTestId('preflight-send-password').click();
    await expect.poll(() => page.locator('[data-log-key="playground.log.newMessage"]').textContent()).toContain('hanako@partner.example');

    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-attachments').textContent()).toBe('attachments.zip');
    await screenshot(page, 'protect-zip-sent');
  });
});
