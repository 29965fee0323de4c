import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, paneFrame, pressSend, screenshot, startHarness, type Harness } from './harness.js';
// Brings in the type of window.preflightPlayground for the page.evaluate callbacks.
import '../../src/playground/playground-api.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('what Outlook does around the handler', () => {
  it('renders the Markdown alert on Mailbox 1.15', async () => {
    const page = await harness.openPlayground('mailbox=1.15');
    await addRecipients(page, 'to', 'a@partner-one.example');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    expect(await message.locator('strong').count()).toBe(1);
    // One outside recipient and nothing else to check: one list line, naming the address.
    expect(await message.locator('li').count()).toBe(1);
    expect(await message.locator('li').first().textContent()).toContain('a@partner-one.example');
  });

  it('shows the plain message and no Review button on Mailbox 1.12', async () => {
    const page = await harness.openPlayground('mailbox=1.12');
    await addRecipients(page, 'to', 'a@partner-one.example');
    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('on the ribbon');
    expect(await page.getByTestId('smart-alert-message').locator('li').count()).toBe(0);
    expect(await page.getByTestId('smart-alert-action').count()).toBe(0);
    await screenshot(page, 'mailbox-1-12-dialog');
  });

  it('shows the working notice while the handler runs, and Outlook’s “taking longer” notice after 5 s', async () => {
    const page = await harness.openPlayground('', { beforeNavigate: (target) => target.clock.install() });
    // A handler that never completes, in place of the real one.
    await page.evaluate(() => window.preflightPlayground?.host.actions.associate('onMessageSendHandler', () => undefined));
    await addRecipients(page, 'to', 'jiro.sato@example.co.jp');
    await page.getByTestId('compose-send').click();
    await page.getByTestId('playground-checking').waitFor();
    expect(await page.getByTestId('playground-slow').count()).toBe(0);
    await page.clock.fastForward(5_100);
    await page.getByTestId('playground-slow').waitFor();
    await screenshot(page, 'slow-handler');
  });

  it('records the original recipients of a reply when the compose window opens', async () => {
    const page = await harness.openPlayground();
    await page.getByTestId('scenario-reply').click();
    await expect
      .poll(() => page.evaluate(() => window.preflightPlayground?.host.message.sessionData.get('preflight.original') ?? null))
      .toContain('hanako.suzuki@partner.co.jp');
  });

  it('applies language and theme changed mid-message to the handler and the pane, keeping the message', async () => {
    const page = await harness.openPlayground('lang=en-US&theme=light');
    await addRecipients(page, 'to', 'a@partner-one.example');
    await page.getByTestId('setting-language').selectOption('ja-JP');
    await page.getByTestId('setting-theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain('theme=dark');
    expect(await page.getByTestId('compose-to-recipient').count()).toBe(1);
    expect(await pressSend(page)).toBe('dialog');
    expect(await page.getByTestId('smart-alert-action').textContent()).toBe('確認する');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    const background = await pane.evaluate(() => getComputedStyle(document.querySelector('main') ?? document.body).backgroundColor);
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(3 * 128);
    await screenshot(page, 'settings-dark-japanese');
  });

  it('runs the handler of the new language when Send comes before the playground has reloaded it', async () => {
    const page = await harness.openPlayground('lang=en-US');
    await addRecipients(page, 'to', 'a@partner-one.example');
    // The language changes and Send is pressed in one task, before React has re-rendered the handler
    // frame: what a loaded machine did once between the test's steps (expected 'Review' to be '確認する').
    await page.evaluate(() => {
      const language = document.querySelector<HTMLSelectElement>('[data-testid="setting-language"]');
      language!.value = 'ja-JP';
      language!.dispatchEvent(new Event('change', { bubbles: true }));
      document.querySelector<HTMLButtonElement>('[data-testid="compose-send"]')!.click();
    });
    await page.getByTestId('smart-alert-dialog').waitFor();
    expect(await page.getByTestId('smart-alert-action').textContent()).toBe('確認する');
  });
});
