// The organisation's controls at Send in the playground: the hold, the automatic Bcc copy, moving outside
// To/Cc to Bcc, and the X-Preflight header on every send the check lets go (issue 11, parts 2 to 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRecipients, pressSend, screenshot, startHarness, TEST_POLICY, type Harness } from './harness.js';

const SUPERVISOR = 'boss@example.co.jp';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    ...TEST_POLICY,
    trustedDomains: ['partner-one.example', 'partner-two.example'],
    bccSuggestThreshold: 2,
    bccAction: 'move',
    delaySend: { minutes: 5, when: 'external' },
    autoBcc: { addresses: [SUPERVISOR], when: 'external' },
  });
});

afterAll(async () => {
  await harness?.close();
});

describe('controls at Send', () => {
  it('holds, copies and stamps outside mail; the dialog says when it leaves and how to cancel', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'Hanako <hanako@partner-one.example>');
    await page.getByTestId('compose-subject').fill('Quotation');
    expect(await pressSend(page)).toBe('dialog');
    const message = page.getByTestId('smart-alert-message');
    await expect.poll(() => message.textContent()).toMatch(/It leaves at \d\d:\d\d\./);
    expect(await message.textContent()).toContain('classic Outlook on Windows cannot cancel it');
    await screenshot(page, 'controls-dialog-held');
    await page.getByTestId('smart-alert-send-anyway').click();
    await page.getByTestId('sent-view').waitFor();
    expect(await page.getByTestId('sent-bcc').textContent()).toBe(SUPERVISOR);
    expect(await page.getByTestId('sent-delivery').textContent()).toMatch(/^Held in Drafts until \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(await page.getByTestId('sent-header-X-Preflight').textContent()).toMatch(
      /^X-Preflight: v=1; decision=dialog-confirm; policy=[0-9a-f]{12}; fp=[0-9a-f]{16}$/,
    );
    await screenshot(page, 'controls-sent-held');
  });

  it('sends internal mail at once, uncopied, and still stamped', async () => {
    const page = await harness.openPlayground();
    await addRecipients(page, 'to', 'jiro.sato@example.co.jp');
    expect(await pressSend(page)).toBe('sent');
    expect(await page.getByTestId('sent-delivery').textContent()).toBe('At once');
    expect(await page.getByTestId('sent-bcc').textContent()).toBe('(none)');
    expect(await page.getByTestId('sent-header-X-Preflight').textContent()).toContain('decision=allow');
  });

  it('moves two outside companies to Bcc, says so once, and the next Send goes', async () => {
    const page = await harness.openPlayground('lang=ja-JP');
    await addRecipients(page, 'to', 'hanako@partner-one.example', 'ken@partner-two.example', 'jiro.sato@example.co.jp');
    expect(await pressSend(page)).toBe('dialog');
    await expect
      .poll(() => page.getByTestId('smart-alert-message').textContent())
      .toContain('社外の宛先が互いに見えないよう Bcc に移しました（2 件）');
    await screenshot(page, 'controls-moved-to-bcc-ja');
    await page.getByTestId('smart-alert-dont-send').click();
    expect(await pressSend(page)).toBe('dialog');
    await page.getByTestId('smart-alert-send-anyway').click();
    await page.getByTestId('sent-view').waitFor();
    expect(await page.getByTestId('sent-to').textContent()).toBe('jiro.sato@example.co.jp');
    expect(await page.getByTestId('sent-bcc').textContent()).toBe(`hanako@partner-one.example; ken@partner-two.example; ${SUPERVISOR}`);
  });

  it('the pane tells of the copy and the hold before Send; below Mailbox 1.13 it says there is no hold', async () => {
    for (const [query, expected, shot] of [
      ['lang=ja-JP', '送信後 5 分間保留されてから送信されます', 'controls-pane-ja'],
      ['mailbox=1.12', 'this version of Outlook cannot', 'controls-pane-1-12'],
    ] as const) {
      const page = await harness.openPlayground(query);
      await addRecipients(page, 'to', 'someone@newclient.example');
      await page.getByTestId('compose-open-pane').click();
      const frame = await (await page.getByTestId('pane-frame').elementHandle())?.contentFrame();
      const notice = frame?.getByTestId('preflight-controls');
      await notice?.waitFor();
      await expect.poll(() => notice?.textContent()).toContain(expected);
      expect(await notice?.textContent()).toContain(SUPERVISOR);
      await screenshot(page, shot);
    }
  });
});
