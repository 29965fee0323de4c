import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, attachFile, paneFrame, pressSend, screenshot, startHarness, tickEverything, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('the send moment in the playground', () => {
  it('sends internal-only mail at once', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'Jiro Sato <jiro.sato@example.co.jp>');
    await page.getByTestId('compose-subject').fill('Lunch');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-to').textContent()).toBe('jiro.sato@example.co.jp');
    await screenshot(page, 'internal-sends');
  });

  it('stops mail to two external domains until each is confirmed in the pane, and asks again when a recipient is added', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'Hanako <hanako@partner-one.example>');
    await addRecipients(page, 'cc', 'ken@partner-two.example', 'jiro.sato@example.co.jp');
    await page.getByTestId('compose-subject').fill('Quotation');
    await attachFile(page, 'quotation.xlsx', 'price list');

    expect(await pressSend(page)).toBe('dialog');
    await expect
      .poll(() => page.getByTestId('smart-alert-message').textContent())
      .toContain('Outside: partner-one.example — hanako@partner-one.example');
    await screenshot(page, 'external-dialog');

    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    for (const label of ['hanako@partner-one.example', 'ken@partner-two.example', 'quotation.xlsx']) {
      await pane.getByLabel(label, { exact: false }).first().waitFor();
    }
    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    await screenshot(page, 'external-confirmed');

    await addRecipients(page, 'to', 'sales@partner-three.example');
    expect(await pressSend(page)).toBe('dialog');
    await expect
      .poll(() => page.getByTestId('smart-alert-message').textContent())
      .toContain('Outside: partner-three.example — sales@partner-three.example');
    await screenshot(page, 'external-changed-after-confirm');
    await page.getByTestId('smart-alert-action').click();
    const again = await paneFrame(page);
    await again.getByLabel('sales@partner-three.example', { exact: false }).first().waitFor();
    await tickEverything(again);
    await again.getByTestId('preflight-confirm').click();
    await expect.poll(() => again.getByTestId('preflight-status').textContent()).toContain('Confirmed');

    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-to').textContent()).toBe('hanako@partner-one.example; sales@partner-three.example');
    expect(await page.getByTestId('sent-cc').textContent()).toBe('ken@partner-two.example; jiro.sato@example.co.jp');
    expect(await page.getByTestId('sent-attachments').textContent()).toBe('quotation.xlsx');
    await screenshot(page, 'external-sent');
  });

  it('blocks a look-alike of the organisation’s domain and shows the suspicious character in the pane', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'taro@ex\u0430mple.co.jp');
    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('This message was not sent');
    expect(await page.getByTestId('smart-alert-action').count()).toBe(0);
    await screenshot(page, 'lookalike-dialog');
    await page.getByTestId('smart-alert-dont-send').click();

    await page.getByTestId('compose-open-pane').click();
    const pane = await paneFrame(page);
    await expect.poll(() => pane.locator('body').textContent()).toContain('U+0430');
    expect(await pane.getByTestId('preflight-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'lookalike-pane');
  });

  it('moves external recipients to Bcc from the pane, leaving To and Cc internal', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'a@partner-one.example', 'jiro.sato@example.co.jp');
    await addRecipients(page, 'cc', 'b@partner-two.example');
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await pane.getByTestId('preflight-move-to-bcc').click();
    await expect.poll(() => page.getByTestId('compose-bcc-recipient').count()).toBe(2);
    await expect.poll(() => pane.getByTestId('preflight-move-to-bcc').count()).toBe(0);
    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');

    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-to').textContent()).toBe('jiro.sato@example.co.jp');
    expect(await page.getByTestId('sent-cc').textContent()).toBe('(none)');
    expect(await page.getByTestId('sent-bcc').textContent()).toBe('a@partner-one.example; b@partner-two.example');
    await screenshot(page, 'move-to-bcc-sent');
  });
});
