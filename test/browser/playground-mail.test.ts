// Out of the box: the server as `npm start` runs it (no sign-in, relay or storage variables) lets the
// playground's pane protect attachments with the generated development token, and the one-time code a
// link page sends is read from the playground's mail catcher panel.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, attachFile, paneFrame, pressSend, protectAsZip, startOutOfTheBoxHarness, type Harness } from './harness.js';

const QUOTATION = 'item,price\nwidget,1200\n';

let server: Harness;

beforeAll(async () => {
  server = await startOutOfTheBoxHarness();
});

afterAll(async () => {
  await server?.close();
});

describe('the playground out of the box', () => {
  it('runs on localhost with a generated token and catches mail instead of sending it', () => {
    expect(server.origin).toMatch(/^https:\/\/localhost:\d+$/);
    const auth = server.app.secureLinks?.context;
    expect(auth?.mailer).not.toBeNull();
  });

  it('protects an attachment, and the link page’s one-time code is read from the mail catcher panel', async () => {
    const page = await server.openPlayground('lang=en-US');
    const catcher = page.getByTestId('mail-catcher');
    await expect.poll(() => catcher.textContent()).toContain('No mail yet');

    await addRecipients(page, 'to', 'hanako@client.example');
    await page.getByTestId('compose-subject').fill('Price list');
    await attachFile(page, 'prices.csv', QUOTATION);
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);

    // Protect attachments as the checkout's policy asks (an AES-256 ZIP), with no variable set.
    const password = await protectAsZip(page, pane);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await page.getByTestId('compose-attachment').allTextContents()).toEqual([expect.stringContaining('.zip')]);

    // The password behind a secure link, which the checkout's policy guards with a one-time code.
    await pane.getByTestId('preflight-password-link').click();
    await expect.poll(() => pane.getByTestId('preflight-password-link-outcome').textContent()).toContain('check it and send it');
    const passwordMessage = (await page.locator('[data-log-key="playground.log.newMessage"]').last().textContent()) ?? '';
    const url = /hanako@client\.example: (https:\/\/\S+)/.exec(passwordMessage)?.[1] ?? '';
    expect(url).toMatch(/\/d\//);

    const recipientPage = await page.context().newPage();
    await recipientPage.goto(url);
    await recipientPage.getByRole('button', { name: /code/i }).click();
    await recipientPage.locator('#code').waitFor();

    await page.getByTestId('mail-catcher-refresh').click();
    const mail = page.getByTestId('mail-catcher-message').filter({ hasText: 'hanako@client.example' });
    await expect.poll(() => mail.count()).toBe(1);
    const body = (await mail.getByTestId('mail-catcher-body').textContent()) ?? '';
    const code = /(?<!\d)(\d{6})(?!\d)/.exec(body)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await catcher.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/playmail-mail-catcher.png' });

    await recipientPage.locator('#code').fill(code);
    const [saved] = await Promise.all([
      recipientPage.waitForEvent('download'),
      recipientPage.getByRole('button', { name: /Password for .*\.zip\.txt/ }).click(),
    ]);
    expect((await readFile(await saved.path())).toString('utf8')).toContain(password);
  });

  it('the panel is a keyboard-reachable region with its Japanese text', async () => {
    const page = await server.openPlayground('lang=ja-JP');
    const catcher = page.getByRole('region', { name: 'メールキャッチャー' });
    await expect.poll(() => catcher.textContent()).toContain('更新');
    const refresh = catcher.getByRole('button', { name: '更新' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => catcher.textContent()).toMatch(/メール|宛先/);
    expect(await refresh.evaluate((element) => element === document.activeElement)).toBe(true);
    await catcher.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/playmail-mail-catcher-ja.png' });
  });
});
