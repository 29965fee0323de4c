import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, attachFile, paneFrame, screenshot, startHarness, type Harness } from './harness.js';

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
    await page.getByTestId('compose-send').click();
    await page.getByTestId('sent-view').waitFor();
    expect(await page.getByTestId('sent-to').textContent()).toBe('jiro.sato@example.co.jp');
    await screenshot(page, 'internal-sends');
  });
});
