// The admin console in Chromium against the real server. The page signs in with the development token
// (developer@localhost, an administrator); events are seeded through the audit API as the pane and the
// send handler send them. A non-administrator is an Entra-shaped user whose token the test signs
// (test/server/support/identity.ts), put on the console's API calls in place of the development token.
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdentity, type TestIdentity } from '../server/support/identity.js';
import { TEST_POLICY, screenshot, startHarness, type Harness } from './harness.js';

const DAY_MS = 86_400_000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const FIRST_DAY = new Date(today - 2 * DAY_MS).toISOString().slice(0, 10);
const SECOND_DAY = new Date(today - DAY_MS).toISOString().slice(0, 10);
const at = (day: string, time: string) => `${day}T${time}.000Z`;
const WEB = { platform: 'OfficeOnline', mailbox: '1.15' };

const PANE_EVENTS = [
  {
    kind: 'send',
    at: at(FIRST_DAY, '10:00:00'),
    client: WEB,
    decision: 'block',
    rules: { 'external-recipient': 2, keyword: 1 },
    durationMs: 120,
  },
  {
    kind: 'send',
    at: at(FIRST_DAY, '11:00:00'),
    client: WEB,
    decision: 'dialog-confirm',
    rules: { 'external-recipient': 1 },
    durationMs: 80,
  },
  {
    kind: 'confirm',
    at: at(SECOND_DAY, '09:00:00'),
    client: WEB,
    decision: 'confirm',
    outsideDomains: ['partner.example'],
    confirmSeconds: 12,
  },
  {
    kind: 'confirm',
    at: at(SECOND_DAY, '09:30:00'),
    client: WEB,
    decision: 'confirm',
    outsideDomains: ['partner.example', 'other.example'],
    confirmSeconds: 20,
  },
  { kind: 'approval-request', at: at(SECOND_DAY, '10:00:00'), client: WEB, decision: 'requested' },
  { kind: 'approval-decision', at: at(SECOND_DAY, '10:10:00'), client: WEB, decision: 'approved', durationMs: 600_000 },
];
const HANDLER_EVENT = {
  kind: 'send',
  at: at(SECOND_DAY, '08:00:00'),
  client: { platform: 'PC', mailbox: '1.13' },
  decision: 'review',
  rules: { 'external-recipient': 1 },
};

let identity: TestIdentity;
let harness: Harness;
let developmentToken = '';

beforeAll(async () => {
  identity = await startTestIdentity();
  const { entra } = identity.auth;
  // Domains kept plain, so the statistics name them.
  harness = await startHarness({ ...TEST_POLICY, audit: { domains: 'plain', retentionDays: 180 } }, entra === undefined ? {} : { entra });
  const config = await harness.app.inject({ method: 'GET', url: '/api/auth-config' });
  developmentToken = (config.json() as { token: string }).token;
  const pane = await harness.app.inject({
    method: 'POST',
    url: '/api/audit/events',
    headers: { authorization: `Bearer ${developmentToken}` },
    payload: { events: PANE_EVENTS },
  });
  expect(pane.statusCode, pane.body).toBe(202);
  const handler = await harness.app.inject({
    method: 'POST',
    url: '/api/audit/handler-events',
    payload: { mailbox: 'sales@example.co.jp', events: [HANDLER_EVENT] },
  });
  expect(handler.statusCode, handler.body).toBe(202);
});

afterAll(async () => {
  await harness?.close();
  await identity?.close();
});

async function fullPage(page: Page, name: string): Promise<void> {
  await screenshot({ screenshot: (options: { path: string }) => page.screenshot({ ...options, fullPage: true }) }, name);
}

async function openConsole(path: string, locale: string): Promise<Page> {
  const page = await harness.openPage(path, locale);
  await page.getByTestId('admin-main').waitFor();
  return page;
}

describe('The admin console', () => {
  it('lists the audit newest first, marks the handler’s claims, filters, and exports the filtered CSV', async () => {
    const page = await openConsole('/admin/', 'en-US');
    expect(await page.title()).toBe('Preflight admin console');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(7);
    expect(await page.getByTestId('audit-count').textContent()).toBe('7 events, newest first (at most 500 shown)');
    const decisions = await page.getByTestId('audit-decision').allTextContents();
    expect(decisions).toEqual([
      'Approved',
      'Requested',
      'Confirmed in the pane',
      'Confirmed in the pane',
      'Sent to review',
      'Send Anyway in the dialog',
      'Blocked',
    ]);
    const unverified = page.locator('[data-testid="audit-row"][data-verified="false"]');
    expect(await unverified.count()).toBe(1);
    expect(await unverified.getByTestId('audit-user').textContent()).toBe('sales@example.co.jp');
    expect(await unverified.getByTestId('audit-unverified').textContent()).toBe('Unverified claim');
    await fullPage(page, 'admin-audit-en');

    // By keyboard: choose a decision, then Apply.
    await page.getByTestId('audit-filter-decision').selectOption('block');
    await page.getByTestId('audit-filter-apply').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
    expect(await page.getByTestId('audit-row').textContent()).toContain('Outside recipient × 2');

    const expected = await harness.app.inject({
      method: 'GET',
      url: '/api/admin/audit?decision=block&limit=500&format=csv',
      headers: { authorization: `Bearer ${developmentToken}` },
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
    expect(download.suggestedFilename()).toBe('preflight-audit.csv');
    const bytes = await readFile((await download.path())!);
    expect(bytes.toString('utf8')).toBe(expected.body);
    expect(
      bytes
        .toString('utf8')
        .split('\r\n')
        .filter((line) => line !== ''),
    ).toHaveLength(2);
  });

  it('shows the audit in Japanese', async () => {
    const page = await openConsole('/admin/', 'ja-JP');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(7);
    expect(await page.title()).toBe('Preflight 管理コンソール');
    expect(await page.getByTestId('audit-count').textContent()).toBe('7 件 (新しい順、最大 500 件まで表示)');
    expect(await page.getByTestId('audit-unverified').textContent()).toBe('未検証の申告');
    await fullPage(page, 'admin-audit-ja');
  });

  it('shows the statistics, each chart with its figures in text', async () => {
    const page = await openConsole('/admin/', 'en-US');
    await page.getByTestId('admin-tab-stats').click();
    await page.getByTestId('stats-days-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/statistics');
    expect(await page.getByTestId('stats-events').textContent()).toBe('From 7 audit events.');
    const rows = async (testId: string) =>
      page
        .getByTestId(testId)
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(await rows('stats-days-table')).toEqual([
      [FIRST_DAY, '1', '1', '0', '2'],
      [SECOND_DAY, '0', '0', '1', '1'],
    ]);
    expect(await rows('stats-rules-table')).toEqual([
      ['Outside recipient', '3'],
      ['Keyword', '1'],
    ]);
    // A tie is ordered by rule id: external-recipient before keyword.
    expect(await rows('stats-blocks-table')).toEqual([
      ['Outside recipient', '1'],
      ['Keyword', '1'],
    ]);
    expect(await page.getByTestId('stats-blocks-table').locator('thead th').allTextContents()).toEqual(['Rule', 'Send checks blocked']);
    expect(await rows('stats-domains-table')).toEqual([
      ['partner.example', '2'],
      ['other.example', '1'],
    ]);
    expect(await rows('stats-confirmed-table')).toEqual([
      ['Send Anyway in the dialog', '1'],
      ['Ticks in the pane', '2'],
    ]);
    expect(await page.getByTestId('stats-median-confirm').textContent()).toBe('16');
    expect(await page.getByTestId('stats-approvals-requested').textContent()).toBe('1');
    expect(await page.getByTestId('stats-approvals-approved').textContent()).toBe('1');
    expect(await page.getByTestId('stats-approvals-rejected').textContent()).toBe('0');
    expect(await page.getByTestId('stats-approvals-turnaround').textContent()).toBe('10');
    expect(await page.getByTestId('stats-unverified-share').textContent()).toBe('33.3%');
    await fullPage(page, 'admin-stats-en');
  });

  it('opens the statistics at their own address, in Japanese', async () => {
    const page = await openConsole('/admin/statistics', 'ja-JP');
    await page.getByTestId('stats-days-table').waitFor();
    expect(await page.getByTestId('stats-rules-table').locator('tbody tr td').first().textContent()).toBe('社外の宛先');
    await fullPage(page, 'admin-stats-ja');
  });

  it('tells a user without the administrator role what they need, with no retry', async () => {
    const page = await harness.openPage('/admin/', 'en-US', {
      beforeNavigate: async (fresh) => {
        const userToken = await identity.token('plain-user');
        await fresh.route(
          (url) => url.pathname.startsWith('/api/admin/'),
          (route) => route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${userToken}` } }),
        );
      },
    });
    const problem = page.getByTestId('admin-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('forbidden');
    expect(await problem.textContent()).toContain('You need the Preflight administrator role');
    expect(await page.getByTestId('admin-problem-retry').count()).toBe(0);
    await fullPage(page, 'admin-forbidden-en');
  });

  it('checks a draft as it is typed: syntax with line and column, problems with their paths, the diff', async () => {
    const page = await harness.openPage('/admin/policy', 'en-US');
    const editor = page.getByTestId('policy-editor');
    await editor.waitFor();
    expect(await page.getByTestId('policy-active').textContent()).toContain('The policy file');
    expect(await page.getByTestId('policy-problems').getAttribute('data-state')).toBe('valid');

    await editor.fill('{\n  "internalDomains": ["example.co.jp",]\n}');
    expect(await page.getByTestId('policy-problems').textContent()).toBe('JSON syntax error at line 2, column 39');
    await editor.fill(JSON.stringify({ version: 1, internalDomains: ['example.co.jp', 42], onError: 'sometimes' }, null, 2));
    expect(await page.getByTestId('policy-problems').textContent()).toContain('$.internalDomains[1]');
    expect(await page.getByTestId('policy-problems').textContent()).toContain('$.onError');
    expect(await page.getByTestId('policy-save').isDisabled()).toBe(true);

    const draft = { ...TEST_POLICY, internalDomains: ['example.co.jp', 'example.jp'], audit: { domains: 'plain', retentionDays: 180 } };
    await editor.fill(`${JSON.stringify(draft, null, 2)}\n`);
    expect(await page.getByTestId('policy-diff').locator('[data-kind="added"]').allTextContents()).toContain('+     "example.jp"');
    expect(await page.getByTestId('policy-save').isDisabled()).toBe(true);
    await page.getByTestId('policy-reason').fill('Add example.jp');
    expect(await page.getByTestId('policy-save').isDisabled()).toBe(false);
    await fullPage(page, 'admin-policy-en');

    // Side by side, the controls start level even where one label wraps to a second line and the next does not.
    const tops = await Promise.all(
      ['internalDomains', 'blockedRecipients', 'keywords', 'bccSuggestThreshold'].map(async (key) => {
        const box = await page.getByTestId(`policy-key-${key}`).boundingBox();
        return box?.y ?? Number.NaN;
      }),
    );
    const labelHeights = await Promise.all(
      ['internalDomains', 'blockedRecipients'].map(
        async (key) => (await page.getByTestId(`policy-key-${key}`).locator('xpath=ancestor::div[1]/label').boundingBox())?.height ?? 0,
      ),
    );
    expect(labelHeights[1]).toBeGreaterThan((labelHeights[0] ?? 0) * 1.5);
    expect(tops[1]).toBeCloseTo(tops[0] ?? 0, 0);
    expect(tops[3]).toBeCloseTo(tops[2] ?? 0, 0);

    // The form for common keys edits the same draft.
    await page.getByTestId('policy-key-onError').selectOption('allow');
    await page.getByTestId('policy-key-internalDomains').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nexample.net');
    const edited = JSON.parse(await editor.inputValue()) as { internalDomains: string[]; onError: string };
    expect(edited.onError).toBe('allow');
    expect(edited.internalDomains).toEqual(['example.co.jp', 'example.jp', 'example.net']);
  });

  it('offers Try again when the server cannot be reached, and recovers', async () => {
    const page = await harness.openPage('/admin/', 'en-US', {
      beforeNavigate: async (fresh) => {
        await fresh.route(
          (url) => url.pathname === '/api/admin/audit',
          (route) => route.abort('connectionrefused'),
          { times: 1 },
        );
      },
    });
    const problem = page.getByTestId('admin-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('network');
    await page.getByTestId('admin-problem-retry').click();
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(7);
  });

  // Last: these change the active version the tests above read.
  it('pages through a long history and lists a rejected policy file’s problems with their paths', async () => {
    const auth = { authorization: `Bearer ${developmentToken}` };
    for (let threshold = 3; threshold < 25; threshold += 1) {
      const current = (await harness.app.inject({ method: 'GET', url: '/api/admin/policy', headers: auth })).json() as {
        version: number;
        document: object;
      };
      const saved = await harness.app.inject({
        method: 'POST',
        url: '/api/admin/policy',
        headers: auth,
        payload: {
          document: { ...current.document, bccSuggestThreshold: threshold },
          reason: `threshold ${threshold}`,
          baseVersion: current.version,
        },
      });
      expect(saved.statusCode, saved.body).toBe(201);
    }
    await writeFile(harness.policyFile, JSON.stringify({ ...TEST_POLICY, onError: 'sometimes' }));
    const reload = await harness.app.preflight.reloadPolicy();
    expect(JSON.stringify(reload)).toContain('$.onError');

    const page = await openConsole('/admin/policy', 'en-US');
    const rejected = page.getByTestId('policy-file-rejected');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('version 23 stays active');
    expect(await rejected.textContent()).toContain('$.onError');
    const rows = page.getByTestId('policy-history').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByTestId('policy-history-more').click();
    await expect.poll(() => rows.count()).toBe(23);
    expect(await rows.last().locator('td').first().textContent()).toBe('1');
    expect(await page.getByTestId('policy-history-more').count()).toBe(0);
    await fullPage(page, 'admin-policy-history-en');
  });
});
