// Supervisor approval end to end in the playground (issue 11, part 1): Send stops, the pane requests
// approval, the approver gets a mail (a local SMTP catcher) with the link to the approval page, approves
// there in a second browser context, the sender's pane shows it without a reload, and Send goes through.
// A change after approval asks again; a rejection shows the approver's comment.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { mailCatcher, type CapturedMail } from '../server/links/harness.js';
import { mailText } from '../server/approvals/approval-app.js';
import { startTestIdentity, type TestIdentity } from '../server/support/identity.js';
import { APPROVAL_POLL_MS } from '../../src/taskpane/approval-state.js';
import { addRecipients, pressSend, screenshot, startHarness, TEST_POLICY, type Harness } from './harness.js';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const BOSS = 'boss@example.co.jp';
let harness: Harness;
let identity: TestIdentity;
let catcher: { port: number; mails: CapturedMail[]; close(): Promise<void> };

beforeAll(async () => {
  identity = await startTestIdentity();
  catcher = await mailCatcher();
  const { entra } = identity.auth;
  harness = await startHarness(
    {
      ...TEST_POLICY,
      // Outside recipients are shown, not ticked, so approval is the only thing between Send and the sent view.
      severities: { 'external-recipient': 'info' },
      approval: { defaultApprovers: [BOSS], expiresHours: 24 },
    },
    {
      smtp: { host: '127.0.0.1', port: catcher.port, secure: false, from: 'Preflight <no-reply@example.co.jp>' },
      ...(entra === undefined ? {} : { entra }),
    },
  );
});

afterAll(async () => {
  await harness?.close();
  await catcher?.close();
  await identity?.close();
});

async function pane(page: Page): Promise<Frame> {
  const handle = await page.getByTestId('pane-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (frame === null || frame === undefined) throw new Error('the pane frame is not there');
  return frame;
}

/**
 * The sender's playground with Playwright's clock, which otherwise runs at real speed: the pane's next
 * poll is brought forward instead of waited for (it is a fixed interval, APPROVAL_POLL_MS).
 */
function openSender(query = ''): Promise<Page> {
  return harness.openPlayground(query, { beforeNavigate: (page) => page.clock.install() });
}

/** Lets the pane's next poll (of the request, and of the subject and body) run now. */
async function nextPoll(page: Page): Promise<void> {
  await page.clock.fastForward(APPROVAL_POLL_MS);
}

async function approvalState(frame: Frame): Promise<string | null> {
  return frame.getByTestId('preflight-approval').getAttribute('data-state');
}

/** The approval page as the approver: the page signs in with whatever token /api/auth-config hands out. */
async function openAsApprover(path: string): Promise<Page> {
  const token = await identity.token('boss');
  return harness.openPage(path, 'ja-JP', {
    beforeNavigate: async (page) => {
      await page.route('**/api/auth-config', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify({ mode: 'development', token }) }),
      );
    },
  });
}

async function mailFor(count: number): Promise<string> {
  await expect.poll(() => catcher.mails.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return mailText(catcher.mails[count - 1]!);
}

const NEEDS_APPROVAL = { en: 'needs a supervisor’s approval', ja: '上長の承認が必要です' } as const;

async function requestApproval(page: Page, subject: string, locale: 'en' | 'ja' = 'en'): Promise<{ frame: Frame; link: string }> {
  await addRecipients(page, 'to', 'Hanako <hanako@partner.example>');
  await page.getByTestId('compose-subject').fill(subject);
  expect(await pressSend(page)).toBe('dialog');
  const message = page.getByTestId('smart-alert-message');
  await expect.poll(() => message.textContent()).toContain(NEEDS_APPROVAL[locale]);
  expect(await message.textContent()).toContain(BOSS);
  await page.getByTestId('smart-alert-action').click();
  const frame = await pane(page);
  await frame.getByTestId('preflight-approval-request').waitFor();
  expect(await approvalState(frame)).toBe('needed');
  const mailsBefore = catcher.mails.length;
  await frame.getByTestId('preflight-approval-request').click();
  await expect.poll(() => approvalState(frame), { timeout: 15_000 }).toBe('pending');
  const text = await mailFor(mailsBefore + 1);
  expect(catcher.mails[mailsBefore]!.to).toContain(BOSS);
  const link = /https:\/\/[^\s]+\/approve\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
  expect(link).not.toBe('');
  expect(text).not.toContain(subject);
  return { frame, link };
}

describe('supervisor approval in the playground', () => {
  it('request → mail → approval page → approve → the pane shows it → Send goes; a change asks again', async () => {
    const page = await openSender();
    await page.getByTestId('compose-body').fill('Please find the quotation attached.');
    const { frame, link } = await requestApproval(page, 'Quotation for the maintenance contract');
    // Request approval is gone once the request is pending: the keyboard's place is the section's status line.
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('preflight-approval-outcome');
    await screenshot(page, 'approval-pane-pending');

    const approver = await openAsApprover(new URL(link).pathname);
    await approver.getByTestId('approve-subject').waitFor();
    expect(await approver.getByTestId('approve-subject').textContent()).toBe('Quotation for the maintenance contract');
    // A plain-text body, as the playground composes by default, is shown as text (HTML only in a sandboxed frame).
    expect(await approver.getByTestId('approve-body-text').textContent()).toContain('Please find the quotation attached.');
    await approver.getByTestId('approve-comment-input').fill('確認しました。送ってください。');
    await approver.getByTestId('approve-approve').click();
    await approver.getByTestId('approve-outcome').waitFor();
    await screenshot(
      { screenshot: (options: { path: string }) => approver.screenshot({ ...options, fullPage: true }) },
      'approval-approver-decided-ja',
    );

    // No reload: the pane polls and the check verifies the signed approval.
    await nextPoll(page);
    await expect.poll(() => approvalState(frame), { timeout: 20_000 }).toBe('approved');
    expect(await frame.getByTestId('preflight-approval').textContent()).toContain(`Approved by ${BOSS}`);
    await screenshot(page, 'approval-pane-approved');

    // A change to what was approved makes it stale: Send stops again and the pane asks for a new request.
    await page.getByTestId('compose-subject').fill('Quotation for the maintenance contract (revised)');
    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('needs a supervisor’s approval');
    await page.getByTestId('smart-alert-dont-send').click();
    await nextPoll(page);
    await expect.poll(() => approvalState(frame), { timeout: 15_000 }).toBe('needed');
    expect(await frame.getByTestId('preflight-approval').textContent()).toContain('changed after approval was asked');
    await screenshot(page, 'approval-pane-stale');

    // Back to what was approved: Send goes, verified offline from the item, and is stamped.
    await page.getByTestId('compose-subject').fill('Quotation for the maintenance contract');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-header-X-Preflight').textContent()).toContain('decision=allow');
  });

  it('a rejection shows the approver’s comment in the pane', async () => {
    const page = await openSender('lang=ja-JP');
    const { frame, link } = await requestApproval(page, 'Customer list', 'ja');
    const approver = await openAsApprover(new URL(link).pathname);
    await approver.getByTestId('approve-comment-input').fill('顧客一覧は社外に送らないでください。');
    await approver.getByTestId('approve-reject').click();
    await approver.getByTestId('approve-outcome').waitFor();
    await nextPoll(page);
    await expect.poll(() => approvalState(frame), { timeout: 20_000 }).toBe('rejected');
    expect(await frame.getByTestId('preflight-approval-comment').textContent()).toBe('顧客一覧は社外に送らないでください。');
    expect(await frame.getByTestId('preflight-approval').textContent()).toContain(`${BOSS} が却下しました。`);
    await screenshot(page, 'approval-pane-rejected-ja');
    expect(await pressSend(page)).toBe('dialog');
  });
});
