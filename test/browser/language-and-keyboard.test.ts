import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { addRecipients, paneFrame, pressSend, screenshot, startHarness, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('Japanese display language', () => {
  it('shows the playground, the Smart Alerts dialog and the pane in Japanese', async () => {
    const page = await harness.openPlayground('lang=ja-JP');
    expect(await page.getByTestId('compose-send').textContent()).toBe('送信');
    await addRecipients(page, 'to', '鈴木 花子 <hanako@partner-one.example>');
    expect(await pressSend(page)).toBe('dialog');
    const message = await page.getByTestId('smart-alert-message').textContent();
    expect(message).toContain('送信前にこのメールを確認してください');
    expect(await page.getByTestId('smart-alert-action').textContent()).toBe('確認する');
    expect(await page.getByTestId('smart-alert-dont-send').textContent()).toBe('送信しない');
    await screenshot(page, 'japanese-dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    expect(await pane.getByTestId('preflight-confirm').textContent()).toBe('確認しました');
    await expect.poll(() => pane.locator('html').getAttribute('lang')).toBe('ja');
    await screenshot(page, 'japanese-pane');
  });
});

describe('keyboard only', () => {
  it('opens the review, ticks every item and confirms with Tab, Space and Enter, then sends', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'a@partner-one.example');
    await addRecipients(page, 'cc', 'b@partner-two.example');
    await page.getByTestId('compose-send').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('smart-alert-dialog').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('smart-alert-action');
    await page.keyboard.press('Enter');
    const pane = await paneFrame(page);
    await expect.poll(() => pane.evaluate(() => document.hasFocus())).toBe(true);

    const ticked = await tickAndConfirmByKeyboard(page, pane);
    expect(ticked).toBeGreaterThanOrEqual(2);
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    await screenshot(page, 'keyboard-confirmed');

    await page.getByTestId('compose-send').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('sent-view').waitFor();
  });
});

/** Tabs through the pane: Space on each unticked checklist item, Enter on Confirm once it is enabled. */
async function tickAndConfirmByKeyboard(page: Page, pane: Frame): Promise<number> {
  let ticked = 0;
  for (let step = 0; step < 80; step += 1) {
    await page.keyboard.press('Tab');
    const focused = await pane.evaluate(() => {
      const element = document.activeElement;
      return {
        testId: element?.getAttribute('data-testid') ?? '',
        checked: element instanceof HTMLInputElement ? element.checked : null,
        disabled: element?.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement | null)?.disabled === true,
      };
    });
    if (focused.testId.startsWith('preflight-item-') && focused.checked === false) {
      await page.keyboard.press('Space');
      ticked += 1;
      continue;
    }
    if (focused.testId === 'preflight-confirm' && !focused.disabled) {
      await page.keyboard.press('Enter');
      return ticked;
    }
  }
  throw new Error(`Confirm never became reachable by keyboard (ticked ${ticked})`);
}
