// The approver's page in Chromium against the real server. The page signs in with the development token
// (developer@localhost); the other side of each request is an Entra-shaped user whose token the test
// signs (test/server/support/identity.ts, as test/server/approvals/ does), so one server knows a sender and
// an approver. Requests are created through the API, as the pane will.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdentity, type TestIdentity } from '../server/support/identity.js';
import { screenshot, startHarness, type Harness } from './harness.js';

const PAGE_USER = 'developer@localhost';
const SCRIPT_MARKER = 'SCRIPT-RAN-IN-BODY';
const HTML_BODY = [
  '<p id="greeting">お世話になっております。見積書をお送りします。</p>',
  `<script>document.body.insertAdjacentHTML('beforeend', '<p>${SCRIPT_MARKER}</p>'); parent.postMessage('${SCRIPT_MARKER}', '*');</script>`,
  '<img src="https://images.partner.example/logo.png" alt="logo">',
].join('');
const ATTACHMENT = { name: '見積書.csv', text: '品目,金額\n保守,120000\n' };

let identity: TestIdentity;
let harness: Harness;
let developmentToken = '';

beforeAll(async () => {
  identity = await startTestIdentity();
  const { entra } = identity.auth;
  harness = await startHarness(undefined, entra === undefined ? {} : { entra });
  const config = await harness.app.inject({ method: 'GET', url: '/api/auth-config' });
  developmentToken = (config.json() as { token: string }).token;
});

afterAll(async () => {
  await harness?.close();
  await identity?.close();
});

async function api(
  method: 'GET' | 'POST',
  url: string,
  token: string,
  payload?: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await harness.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload }),
  });
  return { status: answer.statusCode, body: answer.json() as Record<string, unknown> };
}

async function createRequest(senderToken: string, approvers: string[]): Promise<string> {
  const created = await api('POST', '/api/approvals', senderToken, {
    fingerprint: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    approvers,
    expiresHours: 24,
    summary: {
      rules: ['external-recipient', 'attachment-to-external', 'custom-rule-7'],
      outsideDomains: ['partner.example'],
      attachments: [ATTACHMENT.name],
    },
    content: {
      from: 'sender@example.co.jp',
      to: ['hanako@partner.example'],
      cc: ['team@example.co.jp'],
      bcc: [],
      subject: '【見積】保守契約の更新について',
      htmlBody: HTML_BODY,
      attachments: [{ name: ATTACHMENT.name, contentType: 'text/csv', base64: Buffer.from(ATTACHMENT.text).toString('base64') }],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body['id'] as string;
}

async function fullPage(page: Page, name: string): Promise<void> {
  await screenshot({ screenshot: (options: { path: string }) => page.screenshot({ ...options, fullPage: true }) }, name);
}

describe("The approver's page", () => {
  it('shows the body in a sandboxed frame, downloads the attachment, refuses a reject without comment, and approves', async () => {
    const id = await createRequest(await identity.token('sender'), [PAGE_USER]);
    const page = await harness.openPage(`/approve/${id}`, 'en-US');
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    const posted: unknown[] = [];
    await page.exposeFunction('recordMessage', (data: unknown) => posted.push(data));
    await page.evaluate(() =>
      window.addEventListener('message', (event) =>
        (window as unknown as { recordMessage(data: unknown): void }).recordMessage(event.data),
      ),
    );

    await page.getByTestId('approve-subject').waitFor();
    await expect.poll(() => page.getByTestId('approve-status').textContent()).toBe('Waiting for a decision');
    expect(await page.getByTestId('approve-sender').textContent()).toBe('sender@example.co.jp');
    expect(await page.getByTestId('approve-summary-rules').locator('li').allTextContents()).toEqual([
      'Outside recipient',
      'Attachment sent outside',
      'custom-rule-7',
    ]);
    expect(await page.getByTestId('approve-summary-domains').textContent()).toBe('partner.example');
    expect(await page.getByTestId('approve-cc').textContent()).toBe('team@example.co.jp');
    expect(await page.getByTestId('approve-bcc').textContent()).toBe('None');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Approval request');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'The request',
      'What the check found',
      'The message',
      'Your decision',
    ]);

    // The body: only in a frame with an empty sandbox, its text there, its script never run.
    const frame = page.getByTestId('approve-body-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect
      .poll(() => page.frameLocator('[data-testid="approve-body-frame"]').locator('#greeting').textContent())
      .toContain('見積書をお送りします');
    expect(await page.frameLocator('[data-testid="approve-body-frame"]').getByText(SCRIPT_MARKER).count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(SCRIPT_MARKER);
    expect(posted).toEqual([]);
    expect(consoleLines.join('\n')).toMatch(/Blocked script execution in 'about:srcdoc'/);
    await fullPage(page, 'approve-pending-en');

    // The attachment: the exact bytes, under its own name.
    expect(await page.getByTestId('approve-attachment').textContent()).toContain('見積書.csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${ATTACHMENT.name}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(ATTACHMENT.name);
    expect(await readFile((await download.path()) ?? '', 'utf8')).toBe(ATTACHMENT.text);

    // Reject needs a comment: refused in the page, nothing sent.
    await page.getByTestId('approve-reject').click();
    await page.getByText('Write a comment before rejecting, so the sender knows what to change.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('approve-comment-input');
    expect((await api('GET', `/api/approvals/${id}`, developmentToken)).body['status']).toBe('pending');

    // Keyboard: from the comment, Tab reaches Approve; Enter on it sends the decision.
    await page.getByTestId('approve-comment-input').fill('宛先と金額を確認しました。');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('approve-approve');
    await page.keyboard.press('Enter');
    await page.getByTestId('approve-outcome').waitFor();
    expect(await page.getByTestId('approve-outcome').textContent()).toBe('You approved this message. The sender can send it now.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('approve-outcome');
    expect(await page.getByTestId('approve-status').textContent()).toMatch(/^Approved by developer@localhost at /);
    expect(await page.getByTestId('approve-comment').textContent()).toBe('宛先と金額を確認しました。');
    expect(await page.getByTestId('approve-approve').count()).toBe(0);
    await fullPage(page, 'approve-decided-en');

    const after = await api('GET', `/api/approvals/${id}`, await identity.token('sender'));
    expect(after.body).toMatchObject({ status: 'approved', decidedBy: PAGE_USER, comment: '宛先と金額を確認しました。' });
    expect(typeof after.body['approval']).toBe('string');
  });

  it('shows the pending page in Japanese for a Japanese browser', async () => {
    const id = await createRequest(await identity.token('sender'), [PAGE_USER]);
    const page = await harness.openPage(`/approve/${id}`, 'ja-JP');
    await page.getByTestId('approve-subject').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('送信承認の依頼');
    expect(await page.getByTestId('approve-status').textContent()).toBe('判断待ち');
    expect(await page.getByTestId('approve-summary-rules').locator('li').first().textContent()).toBe('社外の宛先');
    expect(await page.getByTestId('approve-approve').textContent()).toBe('承認する');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await fullPage(page, 'approve-pending-ja');
    // A phone's width: everything wraps, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await fullPage(page, 'approve-pending-narrow-ja');
  });

  it('names who decided first when another approver was quicker, and shows the request as they left it', async () => {
    const id = await createRequest(await identity.token('sender'), [PAGE_USER, 'boss@example.co.jp']);
    const page = await harness.openPage(`/approve/${id}`, 'en-US');
    await page.getByTestId('approve-subject').waitFor();
    const first = await api('POST', `/api/approvals/${id}/decision`, await identity.token('boss'), {
      decision: 'reject',
      comment: 'Wrong customer',
    });
    expect(first.status).toBe(200);
    await page.getByTestId('approve-comment-input').fill('Looks fine');
    await page.getByTestId('approve-approve').click();
    const outcome = page.getByTestId('approve-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('refused');
    expect(await outcome.textContent()).toBe('This request was already decided by boss@example.co.jp; the first decision stands.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('approve-outcome');
    expect(await page.getByTestId('approve-status').textContent()).toMatch(/^Rejected by boss@example.co.jp at /);
    expect(await page.getByTestId('approve-comment').textContent()).toBe('Wrong customer');
    expect(await page.getByTestId('approve-approve').count()).toBe(0);
    expect((await api('GET', `/api/approvals/${id}`, developmentToken)).body).toMatchObject({
      status: 'rejected',
      decidedBy: 'boss@example.co.jp',
    });
  });

  it('says when the server cannot be reached, and loads the request on Try again', async () => {
    const id = await createRequest(await identity.token('sender'), [PAGE_USER]);
    const page = await harness.openPage(`/approve/${id}`, 'ja-JP', {
      beforeNavigate: async (fresh) => {
        await fresh.route(
          (url) => url.pathname === `/api/approvals/${id}`,
          (route) => route.abort('connectionrefused'),
          { times: 1 },
        );
      },
    });
    const problem = page.getByTestId('approve-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('network');
    expect(await problem.textContent()).toContain('Preflight サーバーに接続できませんでした');
    await fullPage(page, 'approve-network-ja');
    await page.getByTestId('approve-problem-retry').click();
    await page.getByTestId('approve-subject').waitFor();
    expect(await page.getByTestId('approve-status').textContent()).toBe('判断待ち');
  });

  it('tells the sender they cannot approve their own message, with no decision buttons', async () => {
    const id = await createRequest(developmentToken, ['boss@example.co.jp']);
    const page = await harness.openPage(`/approve/${id}`, 'en-US');
    const refusal = page.getByTestId('approve-message-problem');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-problem')).toBe('sender');
    expect(await refusal.textContent()).toContain('You are the sender of this message.');
    expect(await page.getByTestId('approve-sender').textContent()).toBe(PAGE_USER);
    expect(await page.getByTestId('approve-decision').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await page.getByTestId('approve-body-frame').count()).toBe(0);
    await fullPage(page, 'approve-sender-en');
    // The server agrees: the sender's decision is refused.
    expect((await api('POST', `/api/approvals/${id}/decision`, developmentToken, { decision: 'approve' })).status).toBe(403);
  });

  it('says when there is no such request', async () => {
    const page = await harness.openPage('/approve/AAAAAAAAAAAAAAAA', 'en-US');
    const problem = page.getByTestId('approve-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('not-found');
    expect(await page.getByTestId('approve-problem-retry').count()).toBe(0);
  });
});
