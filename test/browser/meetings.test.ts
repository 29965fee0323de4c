// A meeting the user organises, in the playground: OnNewAppointmentOrganizer when it opens, OnAppointmentSend
// into the real built handler at Send, the review pane from the appointment surface's button.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, attachFile, paneFrame, pressSend, screenshot, startHarness, tickEverything, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** Opens a new meeting and waits for OnNewAppointmentOrganizer to finish. */
async function newMeeting(page: Page): Promise<void> {
  await page.getByTestId('scenario-meeting').click();
  await page.getByTestId('meeting-form').waitFor();
  await page.locator('[data-log-key="playground.log.composeCompleted"]').filter({ hasText: 'OnNewAppointmentOrganizer' }).waitFor();
}

describe('a meeting in the playground', () => {
  it('stops a meeting with outside attendees until they are confirmed in the pane, never counting a resource', async () => {
    const page = await harness.openPlayground();
    await newMeeting(page);
    await page.getByTestId('compose-subject').fill('Project kickoff');
    // To and Cc are the meeting's Required and Optional attendees (MeetingForm.tsx).
    await addRecipients(page, 'to', 'Hanako <hanako@partner-one.example>', 'jiro.sato@example.co.jp');
    await addRecipients(page, 'cc', 'ken@partner-two.example');
    // A room outside the organisation: if it were counted, there would be three outside recipients.
    const room = page.getByTestId('compose-resources-input');
    await room.fill('Hall <hall@venue.example>');
    await room.press('Enter');
    await page.getByTestId('meeting-location').fill('Hall');
    await attachFile(page, 'agenda.txt', 'agenda');

    expect(await pressSend(page)).toBe('dialog');
    await expect
      .poll(() => page.getByTestId('smart-alert-message').textContent())
      .toContain('Outside: partner-two.example — ken@partner-two.example');
    const alertText = (await page.getByTestId('smart-alert-message').textContent()) ?? '';
    expect(alertText).toContain('Outside: partner-one.example — hanako@partner-one.example');
    expect(alertText).not.toContain('venue.example');
    await page.locator('[data-log-key="playground.log.sendCompleted"]').filter({ hasText: 'OnAppointmentSend' }).waitFor();
    await screenshot(page, 'meeting-stopped');

    await page.getByTestId('smart-alert-action').click();
    const pane = await paneFrame(page);
    for (const label of ['hanako@partner-one.example', 'ken@partner-two.example', 'agenda.txt']) {
      await pane.getByLabel(label, { exact: false }).first().waitFor();
    }
    expect(await pane.locator('body').textContent()).not.toContain('hall@venue.example');
    // Two outside domains would suggest Bcc on a message; a meeting has none.
    expect(await pane.getByTestId('preflight-move-to-bcc').count()).toBe(0);
    await tickEverything(pane);
    await pane.getByTestId('preflight-confirm').click();
    await expect.poll(() => pane.getByTestId('preflight-status').textContent()).toContain('Confirmed');
    await screenshot(page, 'meeting-confirmed');

    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-view').getAttribute('data-kind')).toBe('meeting');
    expect(await page.getByTestId('sent-view').locator('h2').textContent()).toBe('Meeting request sent');
    expect(await page.getByTestId('sent-to').textContent()).toBe('hanako@partner-one.example; jiro.sato@example.co.jp');
    expect(await page.getByTestId('sent-cc').textContent()).toBe('ken@partner-two.example');
    expect(await page.getByTestId('sent-resources').textContent()).toBe('hall@venue.example');
    expect(await page.getByTestId('sent-location').textContent()).toBe('Hall');
    await screenshot(page, 'meeting-sent');
  });

  it('sends a meeting with colleagues only at once', async () => {
    const page = await harness.openPlayground();
    await newMeeting(page);
    await addRecipients(page, 'to', 'jiro.sato@example.co.jp');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-to').textContent()).toBe('jiro.sato@example.co.jp');
  });
});
