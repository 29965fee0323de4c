// The review pane at 350 px, the width a trial ran it at: it opens at the top with the outside recipients,
// and addresses wrap only after `@` and dots, their angle brackets never on a line of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { addRecipients, attachFile, paneFrame, pressSend, screenshot, startHarness, TEST_POLICY, type Harness } from './harness.js';

const POLICY = { ...TEST_POLICY, attachments: { protection: { external: 'zip' } } };
const LONG_ADDRESS = 'very.long.name-with-hyphen@abc-shoji.co.jp';
const TO = [
  LONG_ADDRESS,
  '株式会社アビーシー商事 営業本部 長谷川 <another.very-long.address-name@sub-domain.abc-shoji.co.jp>',
  'customer-support.tokyo@partner-company-one.example',
];
const CC = ['k.yamada-tanaka@long-partner-company-two.example', 'procurement.team@third-partner-with-hyphens.example'];
const ATTACHMENT = '2026年度第3四半期お見積書_株式会社アビーシー商事御中.csv';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(POLICY);
});

afterAll(async () => {
  await harness?.close();
});

/** Opens the pane, 350 px wide, on a message to long outside addresses with an unprotected attachment. */
async function openNarrowPane(lang: string): Promise<{ page: Page; pane: Frame }> {
  const page = await harness.openPlayground(`lang=${lang}`);
  await page.addStyleTag({ content: '[data-testid="pane-frame"] { width: 350px !important; }' });
  await addRecipients(page, 'to', ...TO);
  await addRecipients(page, 'cc', ...CC);
  await page.getByTestId('compose-subject').fill('お見積りの件');
  await attachFile(page, ATTACHMENT, 'item,price\nwidget,1200\n');
  expect(await pressSend(page)).toBe('dialog');
  await page.getByTestId('smart-alert-action').click();
  const pane = await paneFrame(page);
  await pane.getByTestId('preflight-protect').waitFor();
  expect(await pane.evaluate(() => window.innerWidth)).toBe(350);
  return { page, pane };
}

interface LineBreak {
  readonly address: string;
  /** The last character of the line that ends, and the first of the next. */
  readonly before: string;
  readonly first: string;
}

/** Where each address on screen wraps, measured on the laid-out text (Range.getClientRects). */
function addressLineBreaks(pane: Frame): Promise<{ addresses: number; breaks: LineBreak[] }> {
  return pane.evaluate(() => {
    const breaks: { address: string; before: string; first: string }[] = [];
    const elements = [...document.querySelectorAll('[data-testid="preflight-address"]')];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let lineTop: number | null = null;
      let previous = '';
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let index = 0; index < text.length; index += 1) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const rect = range.getClientRects()[0];
          const char = text[index] ?? '';
          if (rect === undefined || rect.width === 0) {
            previous = char;
            continue;
          }
          if (lineTop !== null && rect.top > lineTop + rect.height / 2) {
            breaks.push({ address: element.textContent ?? '', before: previous, first: char });
          }
          if (lineTop === null || rect.top > lineTop + rect.height / 2) lineTop = rect.top;
          previous = char;
        }
      }
    }
    return { addresses: elements.length, breaks };
  });
}

describe.each([
  ['ja-JP', 'pane-350-ja', 'auto-phrase'],
  ['en-US', 'pane-350-en', 'normal'],
])('the review pane at 350 px in %s', (lang, shot, wordBreak) => {
  it('opens at the top, outside recipients first, with addresses wrapping only after @ and dots', async () => {
    const { page, pane } = await openNarrowPane(lang);
    // The compose form's chips name Outlook's recipient type in the page's language, not as Office.js spells it.
    const chip = (await page.getByTestId('compose-to-recipient').first().textContent()) ?? '';
    expect(chip).toContain(lang === 'ja-JP' ? '外部ユーザー' : 'External user');
    expect(chip).not.toContain('externalUser');
    // Long enough to scroll, so staying at the top is the pane's doing and not the only possibility.
    expect(await pane.evaluate(() => document.documentElement.scrollHeight > window.innerHeight * 1.5)).toBe(true);
    // Let any effect that would scroll have its turn.
    await pane.evaluate(() => new Promise((settle) => requestAnimationFrame(() => setTimeout(settle, 200))));
    expect(await pane.evaluate(() => document.scrollingElement?.scrollTop ?? -1)).toBe(0);
    const firstHeadings = await pane.locator('h2, h3').allTextContents();
    expect(firstHeadings[1]).toMatch(lang === 'ja-JP' ? /^社外/ : /^Outside/);
    expect(await pane.getByTestId(`preflight-item-recipient:to:${LONG_ADDRESS}`).isVisible()).toBe(true);

    const { addresses, breaks } = await addressLineBreaks(pane);
    expect(addresses).toBeGreaterThanOrEqual(TO.length + CC.length);
    // The pane is narrow enough that addresses do wrap; each wrap is after `@`, a dot or a space.
    expect(breaks.length).toBeGreaterThan(0);
    for (const line of breaks) {
      expect({ ...line, ok: /[@.\s]/.test(line.before) && /[^>.@\s)）。]/.test(line.first) }).toEqual({ ...line, ok: true });
    }

    expect(await pane.evaluate(() => getComputedStyle(document.querySelector('main') ?? document.body).wordBreak)).toBe(wordBreak);
    await screenshot(page.getByTestId('pane-panel'), shot);
    // Further down, after the checks above: the long findings and the protection section at 350 px.
    await pane.evaluate(() => document.getElementById('preflight-protect-heading')?.scrollIntoView({ block: 'start' }));
    await screenshot(page.getByTestId('pane-panel'), `${shot}-findings`);
  });
});
