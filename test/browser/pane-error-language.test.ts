// A refusal from the real server, in the Japanese pane: the user reads Japanese text chosen by the
// failure's code; the server's English is only inside the closed "technical detail".
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, attachFile, paneFrame, pressSend, startHarness, TEST_POLICY, type Harness } from './harness.js';

const PROTECTION = { external: 'zip', link: { requireCode: false } };
const ZIPCRYPTO_ALLOWED = { ...TEST_POLICY, attachments: { protection: { ...PROTECTION, allowZipCrypto: true } } };
const ZIPCRYPTO_REFUSED = { ...TEST_POLICY, attachments: { protection: { ...PROTECTION, allowZipCrypto: false } } };
/** What the server answers (routes/protect-zip.ts), in English for IT and the logs. */
const SERVER_ENGLISH = 'ZipCrypto is weak';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(ZIPCRYPTO_ALLOWED);
});

afterAll(async () => {
  await harness?.close();
});

describe('a server refusal in the Japanese pane', () => {
  it('is Japanese text by its code, the raw English only in a closed technical detail', async () => {
    const page = await harness.openPlayground('lang=ja-JP');
    await addRecipients(page, 'to', 'hanako@partner.example');
    await attachFile(page, 'plan.csv', 'a,b\n1,2\n');
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await pane.getByRole('checkbox', { name: /ZipCrypto/ }).check();

    // IT turns ZipCrypto off while the pane is open: the server now refuses with 403 and an English message.
    await writeFile(harness.policyFile, JSON.stringify(ZIPCRYPTO_REFUSED));
    expect(await harness.app.preflight.reloadPolicy()).toMatchObject({ status: 'updated' });
    await pane.getByTestId('preflight-protect-zip').click();

    const failure = pane.getByTestId('preflight-protect-failed');
    await failure.waitFor();
    const message = (await failure.getByTestId('preflight-failure-message').textContent()) ?? '';
    expect(message).toContain('Preflight サーバーで保護できませんでした');
    expect(message).toContain('組織のポリシーまたはアカウントの権限により');
    expect(message).not.toContain(SERVER_ENGLISH);
    // No English sentence at all: the only Latin words are names (Preflight, ZIP).
    expect(message.replace(/Preflight|ZIP/g, '')).not.toMatch(/[A-Za-z]{3,}/);

    const technical = failure.getByTestId('preflight-technical-detail');
    expect(await technical.getAttribute('open')).toBeNull();
    expect(await technical.locator('summary').textContent()).toBe('技術的な詳細');
    expect(await technical.textContent()).toContain(SERVER_ENGLISH);
    expect(await failure.getByText(SERVER_ENGLISH, { exact: false }).isVisible()).toBe(false);
    await failure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/playmail-pane-error-ja.png' });

    // The keyboard opens it.
    await technical.locator('summary').press('Enter');
    expect(await technical.getAttribute('open')).not.toBeNull();
    await page.screenshot({ path: '/tmp/playmail-pane-error-ja-open.png' });
  });
});
