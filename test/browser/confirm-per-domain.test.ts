// Policy confirmPer "domain": the pane asks for one tick per outside domain, not one per recipient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, paneFrame, pressSend, screenshot, startHarness, tickEverything, TEST_POLICY, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ ...TEST_POLICY, confirmPer: 'domain' });
});

afterAll(async () => {
  await harness?.close();
});

describe('confirming per domain', () => {
  it('shows one checkbox per outside domain; the pane counts what the dialog counts, and the last tick confirms', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'a@partner-one.example', 'b@partner-one.example', 'c@partner-two.example');
    await page.getByTestId('compose-subject').fill('Quarterly figures');
    expect(await pressSend(page)).toBe('dialog');
    // Two domains, plus the finding that two outside domains see each other in To.
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('Items to check: 3.');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);

    const domainBoxes = pane.locator('input[data-testid^="preflight-item-domain:"]');
    await expect.poll(() => domainBoxes.count()).toBe(2);
    expect(await pane.locator('input[data-testid^="preflight-item-recipient:"]').count()).toBe(0);
    expect(await pane.locator('input[data-testid^="preflight-item-"]').count()).toBe(3);
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Tick 3 more items');

    // The label is the group heading, so the box is found the way a screen reader announces it.
    await pane.getByLabel('partner-one.example (2)').check();
    // A native checkbox: Space ticks it from the keyboard.
    const second = pane.getByTestId('preflight-item-domain:partner-two.example');
    await second.focus();
    await second.press('Space');
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Tick 1 more item');
    expect(await domainBoxes.evaluateAll((boxes) => boxes.every((box) => (box as HTMLInputElement).checked))).toBe(true);

    await tickEverything(pane);
    // No Confirm press: the last tick is the confirmation.
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    await screenshot(page, 'pane-confirm-per-domain');
    expect(await pressSend(page)).toBe('sent');
  });
});
