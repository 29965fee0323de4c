// Secure links end to end in Chromium: the pane uploads the attachment to the real server, puts the link
// block in the body, Send goes through, and the recipient's link page — after a one-time code from a local
// SMTP catcher — hands over the exact bytes. Revoking from "My recent links" closes the link at once.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeFrom, mailCatcher } from '../server/links/harness.js';
import {
  addRecipients,
  attachFile,
  paneFrame,
  pressSend,
  screenshot,
  startHarness,
  TEST_POLICY,
  tickEverything,
  type Harness,
} from './harness.js';

const POLICY = {
  ...TEST_POLICY,
  attachments: { protection: { external: 'link', link: { requireCode: true, maxDownloads: 2, expiryDays: 5 } } },
};
const CSV = '顧客番号,氏名\n1001,山田 花子\n1002,佐藤 次郎\n';

let harness: Harness;
let catcher: Awaited<ReturnType<typeof mailCatcher>>;

beforeAll(async () => {
  catcher = await mailCatcher();
  harness = await startHarness(POLICY, {
    smtp: { host: '127.0.0.1', port: catcher.port, secure: false, from: 'Preflight <no-reply@example.co.jp>' },
  });
});

afterAll(async () => {
  await harness?.close();
  await catcher?.close();
});

/** Composes to two outside recipients with one attachment and turns it into links from the pane. */
async function composeAndLink(page: Page, subject: string) {
  await addRecipients(page, 'to', 'hanako@partner.example');
  await addRecipients(page, 'cc', 'bob@other.example');
  await page.getByTestId('compose-subject').fill(subject);
  await attachFile(page, '顧客一覧.csv', CSV);
  expect(await pressSend(page)).toBe('dialog');
  await page.getByTestId('smart-alert-action').click();
  const pane = await paneFrame(page);
  const fileItems = pane.getByRole('checkbox', { name: /顧客一覧\.csv/ });
  await expect.poll(() => fileItems.count()).toBeGreaterThan(0);
  await pane.getByTestId('preflight-protect-links').click();
  await pane.getByTestId('preflight-links-done').waitFor();
  await expect.poll(() => page.getByTestId('compose-attachment').count()).toBe(0);
  // The pane refreshes on the AttachmentsChanged event; its checklist must have let go of the file.
  await expect.poll(() => fileItems.count()).toBe(0);
  return pane;
}

function linkFor(body: string, recipient: string): string {
  const match = new RegExp(`${recipient.replace(/\./g, '\\.')}: (https://\\S+)`).exec(body);
  if (match?.[1] === undefined) throw new Error(`no link for ${recipient} in:\n${body}`);
  return match[1];
}

describe('Secure links from the pane', () => {
  it('replaces the attachment with a link block, sends, and the link page hands over the exact bytes after a code', async () => {
    const page = await harness.openPlayground();
    const pane = await composeAndLink(page, '顧客一覧の送付');
    const body = await page.getByTestId('compose-body').inputValue();
    // The subject is Japanese, so the block is too.
    expect(body).toContain('このメールの添付ファイルは、安全なダウンロードリンクでお送りします');
    expect(body).toContain('顧客一覧.csv');
    expect(body).toContain('ワンタイムコード');
    await screenshot(page, 'protect-links-pane');

    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-attachments').textContent()).toBe('(none)');
    const sentBody = (await page.getByTestId('sent-body').textContent()) ?? '';
    await screenshot(page, 'protect-links-sent');

    const url = linkFor(sentBody, 'hanako@partner.example');
    expect(linkFor(sentBody, 'bob@other.example')).not.toBe(url);
    const [recipientPage] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: url }).click()]);
    await recipientPage.waitForLoadState();
    expect(await recipientPage.locator('body').textContent()).toContain('hanako@partner.example');
    await screenshot(recipientPage, 'protect-links-landing');

    await recipientPage.getByRole('button', { name: /code/i }).click();
    await expect.poll(() => catcher.mails.filter((mail) => mail.to === 'hanako@partner.example').length).toBe(1);
    const mail = catcher.mails.find((entry) => entry.to === 'hanako@partner.example');
    await recipientPage.locator('#code').fill(codeFrom(mail ?? { to: '', raw: '' }));
    const [download] = await Promise.all([
      recipientPage.waitForEvent('download'),
      recipientPage.getByRole('button', { name: /顧客一覧\.csv/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('顧客一覧.csv');
    const saved = await download.path();
    expect((await readFile(saved)).toString('utf8')).toBe(CSV);
  });

  it('puts the block into an HTML body as HTML, with each recipient’s link as a working anchor', async () => {
    const page = await harness.openPlayground();
    await page.getByTestId('compose-body').fill('Dear Hanako,\nplease find the list.');
    await page.getByTestId('compose-format-html').check();
    const pane = await composeAndLink(page, 'Customer list');
    const source = await page.getByTestId('compose-body').inputValue();
    expect(source).toMatch(/^<html><body><div style="border:1px solid[^"]*"><p[^>]*><strong>The attachments of this message/);
    expect(source).toContain('<div>Dear Hanako,</div><div>please find the list.</div></body></html>');

    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    expect(await pressSend(page)).toBe('sent');
    const shown = page.frameLocator('[data-testid="sent-body-html"]');
    const anchor = shown
      .getByRole('link')
      .filter({ hasText: /^https:/ })
      .first();
    await anchor.waitFor();
    const href = (await anchor.getAttribute('href')) ?? '';
    expect(await anchor.textContent()).toBe(href);
    expect(await shown.locator('li').filter({ hasText: 'hanako@partner.example' }).getByRole('link').getAttribute('href')).toBe(href);
    expect(await shown.locator('body').textContent()).toContain('Dear Hanako,');
    await screenshot(page, 'protect-links-sent-html');

    const [recipientPage] = await Promise.all([page.context().waitForEvent('page'), anchor.click()]);
    await recipientPage.waitForLoadState();
    expect(recipientPage.url()).toBe(href);
    expect(await recipientPage.locator('body').textContent()).toContain('hanako@partner.example');
  });

  it('refuses the link as soon as the sender revokes it from My recent links', async () => {
    const page = await harness.openPlayground();
    const pane = await composeAndLink(page, 'Customer list');
    const body = await page.getByTestId('compose-body').inputValue();
    expect(body).toContain('The attachments of this message are shared by secure download link');
    const url = linkFor(body, 'bob@other.example');

    await pane.getByTestId('preflight-my-links-toggle').click();
    const newest = pane.getByTestId('preflight-my-link').first();
    await expect.poll(() => newest.textContent()).toContain('顧客一覧.csv');
    await newest.getByTestId('preflight-my-link-revoke').click();
    await expect.poll(() => newest.getByTestId('preflight-my-link-status').textContent()).toBe('Revoked');
    await screenshot(page, 'protect-links-revoked');

    const recipientPage = await page.context().newPage();
    const response = await recipientPage.goto(url);
    expect(response?.status()).toBe(410);
    expect(await recipientPage.locator('body').textContent()).toMatch(/revoked|withdrawn/i);
  });

  it('refuses to make links while a Bcc recipient is on the message, and changes nothing (in Japanese)', async () => {
    const page = await harness.openPlayground('lang=ja-JP');
    await addRecipients(page, 'to', 'hanako@partner.example');
    await addRecipients(page, 'bcc', 'boss@other.example');
    await attachFile(page, 'plan.txt', 'plan');
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await pane.getByTestId('preflight-protect-links').click();
    await expect.poll(() => pane.getByTestId('preflight-links-failed').textContent()).toContain('BCC の宛先が全員に見えてしまいます');
    expect(await page.getByTestId('compose-attachment').count()).toBe(1);
    expect(await page.getByTestId('compose-body').inputValue()).toBe('');
    await screenshot(page, 'protect-links-bcc-ja');
  });
});
