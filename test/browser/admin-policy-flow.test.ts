// The administrator's round trip against the real server, in Chromium (docs/admin.md): a scripted series
// of playground sends fills the audit; the console shows it and its statistics in English and Japanese;
// an administrator edits a keyword in the form, sees a bad value with its path, dry-runs sample mail
// (one message changes verdict), saves version 2; the playground's next Send follows it; a rollback
// restores version 1's rules. Last, every stored audit row and every export is searched for the
// content the sends used: subjects, bodies, file names and addresses never reach the audit.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailFile } from '../cli/mail-fixtures.js';
import {
  TEST_POLICY,
  addRecipients,
  attachFile,
  paneFrame,
  pressSend,
  screenshot,
  startHarness,
  tickEverything,
  type Harness,
} from './harness.js';

const SECRET = '社外秘';
const POLICY_V1 = { ...TEST_POLICY, keywords: [{ term: SECRET, action: 'warn' }], audit: { domains: 'plain', retentionDays: 180 } };

/** What the sends and the dry-run's files carry: none of it may reach the audit. */
const CONTENT = {
  subjects: ['Lunch on Friday', 'Quotation for April', `${SECRET} 見積の件`, `${SECRET} 再送`],
  bodies: ['Shall we meet at noon', 'Please find the price list attached', 'ご査収くださいますようお願いします'],
  fileNames: ['price-list-april.xlsx'],
  addresses: ['jiro.sato@example.co.jp', 'hanako@partner-one.example', 'ken@partner-two.example'],
  names: ['Hanako Yamada'],
};

let harness: Harness;
let developmentToken = '';

beforeAll(async () => {
  harness = await startHarness(POLICY_V1);
  const config = await harness.app.inject({ method: 'GET', url: '/api/auth-config' });
  developmentToken = (config.json() as { token: string }).token;
});

afterAll(async () => {
  await harness?.close();
});

async function adminGet(url: string): Promise<{ statusCode: number; body: string; json(): unknown }> {
  return harness.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${developmentToken}` } });
}

async function auditCount(): Promise<number> {
  const answer = await adminGet('/api/admin/audit?limit=500');
  return (answer.json() as { events: unknown[] }).events.length;
}

async function activeVersion(): Promise<{
  version: number;
  document: { keywords: { term: string; action: string }[] };
  restoredFrom?: number;
}> {
  return (await adminGet('/api/admin/policy')).json() as never;
}

async function fullPage(page: Page, name: string): Promise<void> {
  await screenshot({ screenshot: (options: { path: string }) => page.screenshot({ ...options, fullPage: true }) }, name);
}

async function composeSecret(page: Page, subject: string): Promise<void> {
  await addRecipients(page, 'to', 'ken@partner-two.example');
  await page.getByTestId('compose-subject').fill(subject);
  await page.getByTestId('compose-body').fill(CONTENT.bodies[2]!);
}

describe('what IT sees after a series of sends', () => {
  it('sends internal mail, confirmed outside mail, and stops a keyword', async () => {
    const before = await auditCount();
    const lunch = await harness.openPlayground();
    await addRecipients(lunch, 'to', `Jiro Sato <${CONTENT.addresses[0]}>`);
    await lunch.getByTestId('compose-subject').fill(CONTENT.subjects[0]!);
    await lunch.getByTestId('compose-body').fill(`${CONTENT.bodies[0]}?`);
    expect(await pressSend(lunch)).toBe('sent');

    const quote = await harness.openPlayground();
    await addRecipients(quote, 'to', `${CONTENT.names[0]} <${CONTENT.addresses[1]}>`);
    await quote.getByTestId('compose-subject').fill(CONTENT.subjects[1]!);
    await quote.getByTestId('compose-body').fill(CONTENT.bodies[1]!);
    await attachFile(quote, CONTENT.fileNames[0]!, 'apples,120\npears,80\n');
    expect(await pressSend(quote)).toBe('dialog');
    await quote.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(quote);
    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    expect(await pressSend(quote)).toBe('sent');

    // Version 1 warns on the keyword: the dialog offers a way on.
    const secret = await harness.openPlayground();
    await composeSecret(secret, CONTENT.subjects[2]!);
    expect(await pressSend(secret)).toBe('dialog');
    await expect.poll(() => secret.getByTestId('smart-alert-message').textContent()).toContain(SECRET);
    expect(await secret.getByTestId('smart-alert-action').count()).toBe(1);
    await screenshot(secret, 'admin-flow-v1-keyword-warns');
    await secret.getByTestId('smart-alert-dont-send').click();
    // The stopped Send's event waits on the item; the pane sends it.
    await secret.getByTestId('compose-open-pane').click();
    await paneFrame(secret);

    // Five events: the internal send, the outside send sent to review, the pane's confirmation (posted by the
    // pane without waiting), the confirmed Send, and the stopped send. Waiting for four let the next test read
    // the audit before the pane's confirmation had arrived.
    await expect.poll(auditCount, { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 5);
  });

  for (const [locale, suffix] of [
    ['en-US', 'en'],
    ['ja-JP', 'ja'],
  ] as const) {
    it(`shows the sends in the audit and the statistics (${suffix})`, async () => {
      const page = await harness.openPage('/admin/', locale);
      await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThanOrEqual(4);
      const decisions = await page.getByTestId('audit-decision').allTextContents();
      const expected = suffix === 'en' ? ['Allowed', 'Confirmed in the pane'] : ['許可', '作業ウィンドウで確認'];
      for (const decision of expected) expect(decisions).toContain(decision);
      // The playground reports itself as Outlook on the web, and the audit names the client so.
      for (const row of await page.getByTestId('audit-row').allTextContents()) expect(row).not.toContain('unknown');
      // The handler's events carry the mailbox as an unverified claim.
      expect(await page.locator('[data-testid="audit-row"][data-verified="false"]').count()).toBeGreaterThanOrEqual(2);
      await fullPage(page, `admin-flow-audit-${suffix}`);

      await page.getByTestId('admin-tab-stats').click();
      await page.getByTestId('stats-days-table').waitFor();
      const domains = await page.getByTestId('stats-domains-table').locator('tbody td').allTextContents();
      expect(domains).toContain('partner-one.example');
      const rules = await page.getByTestId('stats-rules-table').locator('tbody td').allTextContents();
      expect(rules).toContain(suffix === 'en' ? 'Keyword' : 'キーワード');
      await fullPage(page, `admin-flow-stats-${suffix}`);
    });
  }
});

describe('an administrator changes the policy', () => {
  it('edits a keyword, sees a bad value with its path, dry-runs sample mail and saves version 2', async () => {
    expect((await activeVersion()).version).toBe(1);
    const page = await harness.openPage('/admin/policy', 'en-US');
    const editor = page.getByTestId('policy-editor');
    await editor.waitFor();
    expect(await page.getByTestId('policy-key-keywords').inputValue()).toBe(`warn ${SECRET}`);

    await page.getByTestId('policy-key-keywords').fill(`block ${SECRET}`);
    expect((JSON.parse(await editor.inputValue()) as typeof POLICY_V1).keywords).toEqual([{ term: SECRET, action: 'block' }]);
    await page.getByTestId('policy-key-bccSuggestThreshold').fill('-1');
    const field = page.getByTestId('policy-field-bccSuggestThreshold');
    await expect.poll(() => field.textContent()).toContain('$.bccSuggestThreshold');
    expect(await page.getByTestId('policy-problems').textContent()).toContain('$.bccSuggestThreshold');
    expect(await page.getByTestId('policy-save').isDisabled()).toBe(true);
    await fullPage(page, 'admin-flow-bad-value-en');
    await page.getByTestId('policy-key-bccSuggestThreshold').fill('2');
    await expect.poll(() => page.getByTestId('policy-problems').getAttribute('data-state')).toBe('valid');

    // Two files chosen, one dropped.
    await page.getByTestId('dry-run-input').setInputFiles([
      {
        name: 'secret.eml',
        mimeType: 'message/rfc822',
        buffer: Buffer.from(mailFile({ to: CONTENT.addresses[2]!, subject: CONTENT.subjects[3]!, body: CONTENT.bodies[2]! })),
      },
      { name: 'notes.eml', mimeType: 'message/rfc822', buffer: Buffer.from('not a mail message at all\n') },
    ]);
    const lunch = mailFile({ to: CONTENT.addresses[0]!, subject: CONTENT.subjects[0]!, body: CONTENT.bodies[0]! });
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'lunch.eml', { type: 'message/rfc822' }));
      return transfer;
    }, lunch);
    await page.getByTestId('dry-run-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => page.getByTestId('dry-run-row').count()).toBe(2);
    expect(await page.getByTestId('dry-run-status').textContent()).toBe('1 of 2 messages change verdict under the draft.');
    expect(await page.getByTestId('dry-run-failures').textContent()).toContain('notes.eml: not a mail message');
    const changed = page.locator('[data-testid="dry-run-row"][data-changed="true"]');
    expect(await changed.getByTestId('dry-run-name').textContent()).toBe('secret.eml');
    expect(await changed.getByTestId('dry-run-active').getAttribute('data-decision')).toBe('confirm');
    expect(await changed.getByTestId('dry-run-draft').getAttribute('data-decision')).toBe('block');
    expect(await changed.getByTestId('dry-run-draft').textContent()).toContain('Keyword (blocks)');
    const same = page.locator('[data-testid="dry-run-row"][data-changed="false"]');
    expect(await same.getByTestId('dry-run-name').textContent()).toBe('lunch.eml');
    await page.getByTestId('policy-dry-run').scrollIntoViewIfNeeded();
    await fullPage(page, 'admin-flow-dry-run-en');

    await page.getByTestId('policy-reason').fill(`Block ${SECRET} outright`);
    await page.getByTestId('policy-save').click();
    await expect.poll(() => page.getByTestId('policy-outcome').textContent()).toBe('Saved as version 2.');
    await expect.poll(() => page.getByTestId('policy-active').textContent()).toContain(`Block ${SECRET} outright`);
    const active = await activeVersion();
    expect(active.version).toBe(2);
    expect(active.document.keywords).toEqual([{ term: SECRET, action: 'block' }]);
    await fullPage(page, 'admin-flow-saved-en');
  });

  it('applies version 2 at the playground’s next Send', async () => {
    const page = await harness.openPlayground();
    await composeSecret(page, CONTENT.subjects[3]!);
    expect(await pressSend(page)).toBe('dialog');
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('This message was not sent');
    expect(await page.getByTestId('smart-alert-action').count()).toBe(0);
    await screenshot(page, 'admin-flow-v2-keyword-blocks');
  });

  it('rolls back to version 1 in one step, and the next Send warns again', async () => {
    const page = await harness.openPage('/admin/policy', 'ja-JP');
    await page.getByTestId('policy-history').waitFor();
    await page.getByTestId('policy-rollback-1').click();
    await page.getByTestId('policy-rollback-reason').fill('ブロックは早すぎた');
    await page.getByTestId('policy-rollback-confirm').click();
    await expect.poll(() => page.getByTestId('policy-outcome').textContent()).toBe('ロールバックしました。バージョン 3 が有効です。');
    await expect.poll(() => page.getByTestId('policy-key-keywords').inputValue()).toBe(`warn ${SECRET}`);
    await fullPage(page, 'admin-flow-rolled-back-ja');
    const active = await activeVersion();
    expect(active).toMatchObject({ version: 3, restoredFrom: 1 });
    expect(active.document.keywords).toEqual(POLICY_V1.keywords);

    const send = await harness.openPlayground();
    await composeSecret(send, CONTENT.subjects[3]!);
    expect(await pressSend(send)).toBe('dialog');
    await expect.poll(() => send.getByTestId('smart-alert-message').textContent()).toContain(SECRET);
    expect(await send.getByTestId('smart-alert-action').count()).toBe(1);
  });
});

describe('the audit keeps no content', () => {
  it('has none of the subjects, bodies, file names, addresses or names in any stored row or export', async () => {
    const database = new Database(join(harness.dataDirectory, 'links.sqlite'), { readonly: true });
    let rows: unknown[];
    try {
      rows = database.prepare('SELECT * FROM audit_events').all();
    } finally {
      database.close();
    }
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const stored = rows.map((row) => JSON.stringify(row));
    const exports = await Promise.all(
      ['json', 'csv', 'jsonl'].map(async (format) => (await adminGet(`/api/admin/audit?limit=500&format=${format}`)).body),
    );
    // The exports hold what the rows hold: a search that finds nothing must have had something to search.
    for (const exported of exports) expect(exported).toContain('partner-one.example');
    const needles = [
      ...CONTENT.subjects,
      ...CONTENT.bodies,
      ...CONTENT.fileNames,
      ...CONTENT.addresses,
      ...CONTENT.names,
      SECRET,
      'price-list',
      'apples,120',
    ];
    const found = [...stored, ...exports].flatMap((text, index) =>
      needles
        .filter((needle) => text.includes(needle))
        .map((needle) => `${index < stored.length ? `row ${index}` : `export ${index - stored.length}`}: ${needle}`),
    );
    expect(found).toEqual([]);
  });
});
