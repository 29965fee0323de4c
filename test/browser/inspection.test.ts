// Content inspection end to end: the attachments handler caches what it can read, the send handler stops
// what is not inspected yet, the pane inspects the rest and both sides reach the same verdict.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfWithPages, xlsxFiles, zipOf } from '../inspect/extract/fixtures.js';
import { addRecipients, paneFrame, pressSend, screenshot, startHarness, TEST_POLICY, tickEverything, type Harness } from './harness.js';

const POLICY = {
  ...TEST_POLICY,
  personalData: [
    { kind: 'my-number', recipients: 'external', atLeast: 1, action: 'block' },
    { kind: 'email', recipients: 'external', atLeast: 3, action: 'confirm' },
  ],
  uninspectableAttachments: 'confirm',
};

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(POLICY);
});

afterAll(async () => {
  await harness?.close();
});

async function attachBytes(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('compose-attach-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  await page.getByTestId('compose-attachment').filter({ hasText: name }).waitFor();
}

describe('personal data in attachments', () => {
  it('blocks My Number in an attached xlsx for an outside recipient, with only the masked sample in the pane', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'hanako@partner.example');
    await page.getByTestId('compose-subject').fill('Customer list');
    await attachBytes(page, '顧客一覧.xlsx', await zipOf(xlsxFiles()));

    // The send handler never reads an Office file: it is not inspected yet, so the user is sent to the pane.
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await expect.poll(() => pane.locator('body').textContent()).toContain('1234 **** 9018');
    const text = (await pane.locator('body').textContent()) ?? '';
    expect(text).toContain('顧客一覧.xlsx');
    expect(text).not.toContain('123456789018');
    expect(await pane.getByTestId('preflight-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'inspection-my-number-xlsx-blocked');

    // What the pane found is now in the item: the send handler blocks too, without the pane.
    await page.getByTestId('compose-send').click();
    await page.getByTestId('smart-alert-dialog').waitFor();
    await expect.poll(() => page.getByTestId('smart-alert-message').textContent()).toContain('This message was not sent');
    expect(await page.getByTestId('smart-alert-action').count()).toBe(0);
    await screenshot(page, 'inspection-my-number-xlsx-dialog');
  });

  it('caches a CSV as it is attached, and sends after the addresses in it are confirmed in the pane', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'ken@partner.example');
    await page.getByTestId('compose-subject').fill('Contacts');
    const csv = 'name,mail\nA,a@one.example\nB,b@two.example\nC,c@three.example\n';
    await attachBytes(page, 'contacts.csv', new TextEncoder().encode(csv));
    await page.locator('[data-log-key="playground.log.attachmentsCompleted"]').first().waitFor();

    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    await expect.poll(() => pane.locator('body').textContent()).toContain('Email address found in the attachment contacts.csv');
    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');

    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-attachments').textContent()).toBe('contacts.csv');
  });

  it("reads the text of an attached PDF in the pane, with pdf.js and its worker from Preflight's own origin", async () => {
    const page = await harness.openPlayground();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await addRecipients(page, 'to', 'hanako@partner.example');
    await page.getByTestId('compose-subject').fill('Application');
    await attachBytes(page, 'application.pdf', pdfWithPages(['Kojin bango 1234 5678 9018']));
    await page.getByTestId('compose-open-pane').click();
    const pane = await paneFrame(page);
    await expect.poll(() => pane.locator('body').textContent(), { timeout: 15_000 }).toContain('1234 **** 9018');
    expect((await pane.locator('body').textContent()) ?? '').toContain('application.pdf');
    expect(requested.some((path) => path.endsWith('.mjs'))).toBe(true);
  });
});
