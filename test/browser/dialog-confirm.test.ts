// Low-risk mail confirmed in the Smart Alerts dialog itself (policy dialogConfirm): Send, then Send Anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, paneFrame, pressSend, screenshot, startHarness, TEST_POLICY, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ ...TEST_POLICY, trustedDomains: ['partner-one.example'] });
});

afterAll(async () => {
  await harness?.close();
});

describe('confirming in the dialog', () => {
  it.each([
    ['en', '', 'This message goes outside your organisation', 'dialog-confirm-en'],
    ['ja', 'lang=ja-JP', 'このメールは社外の次の宛先に送られます', 'dialog-confirm-ja'],
  ])('%s: two actions for a trusted partner — Send, then Send Anyway', async (_locale, query, title, shot) => {
    const page = await harness.openPlayground(query);
    await addRecipients(page, 'to', 'Hanako <hanako@partner-one.example>', 'jiro.sato@example.co.jp');
    await page.getByTestId('compose-subject').fill('Meeting notes');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    await expect.poll(() => message.textContent()).toContain(title);
    expect(await message.textContent()).toContain('hanako@partner-one.example');
    expect(await message.textContent()).not.toContain('jiro.sato@example.co.jp');
    await screenshot(page, shot);
    await page.getByTestId('smart-alert-send-anyway').click();
    await page.getByTestId('sent-to').waitFor();
    expect(await page.getByTestId('sent-to').textContent()).toBe('hanako@partner-one.example; jiro.sato@example.co.jp');
  });

  it('sends an untrusted domain to the pane, where the last tick records the confirmation and Send goes through', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'someone@newclient.example');
    await page.getByTestId('compose-subject').fill('Hello');
    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('Items to check: 1.');
    expect(await page.getByTestId('smart-alert-send-anyway').count()).toBe(0);
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    const box = pane.getByLabel('someone@newclient.example', { exact: false }).first();
    await box.waitFor();
    await box.check();
    // No Confirm press: the last tick is the confirmation.
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    await screenshot(page, 'pane-last-tick-confirms');
    expect(await pressSend(page)).toBe('sent');
  });
});
