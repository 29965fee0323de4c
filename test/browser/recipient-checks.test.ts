// Issue 15's recipient checks in the playground, with the real handler and pane: the sender's history
// (roaming settings on), a typo at a known domain, and a personal mailbox that the policy stops for files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    ...TEST_POLICY,
    personalMailDomains: { withAttachments: 'block' },
    mailingLists: [{ address: 'project-x@example.co.jp', externalDomains: ['partner.example'] }],
    attachments: { protection: { external: 'zip' } },
  });
});

afterAll(async () => {
  await harness?.close();
});

const FIRST_TIME = 'You have not written to hanako@partner.example before.';

describe('first-time recipients', () => {
  it('a second mail to the same outside address is no longer first-time', async () => {
    const page = await harness.openPlayground('history=on');
    await addRecipients(page, 'to', 'hanako@partner.example');
    await page.getByTestId('compose-subject').fill('Estimate');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    await expect.poll(() => message.textContent()).toContain(FIRST_TIME);
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await expect.poll(() => pane.locator('body').textContent()).toContain(FIRST_TIME);
    await screenshot(page, 'first-time-recipient-pane');
    await tickEverything(pane);
    expect(await pressSend(page)).toBe('sent');
    await expect.poll(() => page.getByTestId('history-count').textContent()).toContain('1 addresses');

    await page.getByTestId('scenario-new').click();
    await addRecipients(page, 'to', 'hanako@partner.example');
    await page.getByTestId('compose-subject').fill('Estimate, again');
    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => message.textContent()).toContain('hanako@partner.example');
    expect(await message.textContent()).not.toContain('You have not written to');
  });

  it('a typo at a known domain names the nearest known address', async () => {
    const page = await harness.openPlayground('history=on&lang=ja-JP');
    await page.getByTestId('history-seed').fill('tanaka.k@partner.example\nsuzuki@client.example');
    await page.getByTestId('history-add').click();
    await expect.poll(() => page.getByTestId('history-count').textContent()).toContain('2');
    await screenshot(page.getByTestId('history-panel'), 'history-panel-seeded');
    await addRecipients(page, 'to', 'tanaka@partner.example');
    await page.getByTestId('compose-subject').fill('お見積り');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    await expect.poll(() => message.textContent()).toContain('送信したことがあるのは tanaka.k@partner.example です');
    await screenshot(page, 'first-time-recipient-nearest-dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await expect.poll(() => pane.locator('body').textContent()).toContain('tanaka.k@partner.example');
    await screenshot(page, 'first-time-recipient-nearest-pane');
  });
});

describe('lists with outside members', () => {
  it('an internal list declared with partners on it makes an attachment need protection', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'project-x@example.co.jp');
    await page.getByTestId('compose-subject').fill('Drawings');
    await attachFile(page, 'drawing.pdf', '%PDF-1.4 drawing');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    await expect.poll(() => message.textContent()).toContain('partner.example');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await expect
      .poll(() => pane.locator('body').textContent())
      .toContain('A list with members outside the organisation, at partner.example');
    await pane.getByTestId('preflight-protect-zip').waitFor();
    // Under a heading of its own, not under its internal domain's.
    await expect.poll(() => pane.getByRole('heading', { name: 'Lists with outside members (1)' }).count()).toBe(1);
    expect(await pane.getByRole('heading', { name: 'example.co.jp (1)' }).count()).toBe(0);
    await screenshot(page, 'list-with-outside-members-pane');
  });

  it('the same attachment to an internal address goes as it is', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'jiro@example.co.jp');
    await page.getByTestId('compose-subject').fill('Drawings');
    await attachFile(page, 'drawing.pdf', '%PDF-1.4 drawing');
    expect(await pressSend(page)).toBe('sent');
  });
});

describe('personal mail domains', () => {
  it('a Gmail address with an attachment is stopped, as withAttachments "block" says', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'hanako.private@gmail.com');
    await page.getByTestId('compose-subject').fill('Customer list');
    await attachFile(page, 'customers.csv', 'name,phone\nTaro,03-1234-5678\n');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    await expect
      .poll(() => message.textContent())
      .toContain('hanako.private@gmail.com is a private mailbox (gmail.com): your organisation does not let files');
    // A block offers nothing to confirm: no review button, no Send Anyway.
    expect(await page.getByTestId('smart-alert-send-anyway').count()).toBe(0);
    expect(await page.getByTestId('smart-alert-action').count()).toBe(0);
    await screenshot(page, 'personal-mail-blocked');
  });
});
