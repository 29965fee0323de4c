// What pressing Send costs the person: the playground driven as a new user would drive it, every click on
// Send, a dialog button, a checkbox or a pane button counted as one action. Writing the message (typing
// recipients, attaching files) is not counted: it is the same with or without Preflight.
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startPlaygroundServer } from './playground-server.js';
import { samplePdf } from './sample-pdf.js';

export interface ActionScenario {
  readonly name: string;
  readonly recipients: readonly string[];
  readonly attachments: readonly string[];
}

/** The four scenarios of issue 10's trial, the single outside recipient once trusted and once not. */
export const ACTION_SCENARIOS: readonly ActionScenario[] = [
  { name: 'internal only', recipients: ['jiro.sato@example.co.jp'], attachments: [] },
  { name: '1 outside recipient (trusted partner)', recipients: ['hanako@partner.co.jp'], attachments: [] },
  { name: '1 outside recipient (new company)', recipients: ['someone@newclient.example'], attachments: [] },
  { name: '2 outside companies + a PDF', recipients: ['hanako@partner.co.jp', 'ken@client-two.example'], attachments: ['quote.pdf'] },
  {
    name: '6 recipients over 3 outside domains',
    recipients: [
      'a.ito@client-one.example',
      'b.kato@client-one.example',
      'c.mori@client-two.example',
      'd.ueda@client-two.example',
      'e.oda@client-three.example',
      'f.abe@client-three.example',
    ],
    attachments: [],
  },
];

/** A way through Send: the client it needs, the manifest permission, and whether the pane is already open. */
export interface ActionPath {
  readonly name: string;
  readonly mailbox: '1.12' | '1.14' | '1.15';
  readonly permission: 'ReadWriteItem' | 'ReadWriteMailbox';
  readonly pinnedPane: boolean;
}

export const ACTION_PATHS: readonly ActionPath[] = [
  { name: 'Mailbox 1.15, dialog or pane', mailbox: '1.15', permission: 'ReadWriteItem', pinnedPane: false },
  { name: 'pinned pane (open while writing)', mailbox: '1.15', permission: 'ReadWriteItem', pinnedPane: true },
  { name: 'Confirm and send (1.15, ReadWriteMailbox)', mailbox: '1.15', permission: 'ReadWriteMailbox', pinnedPane: false },
  { name: 'Mailbox 1.14', mailbox: '1.14', permission: 'ReadWriteItem', pinnedPane: false },
  { name: 'Mailbox 1.12', mailbox: '1.12', permission: 'ReadWriteItem', pinnedPane: false },
];

export interface ActionCount {
  readonly scenario: string;
  readonly path: string;
  readonly actions: number;
  /** The checklist items the user ticked (our N). */
  readonly ticks: number;
  /** The steps, in order, as a person would describe them. */
  readonly steps: readonly string[];
}

const REVIEW_READY = '[data-testid="preflight-confirm"], [data-testid="preflight-confirm-send"]';
const UNTICKED = 'input[data-testid^="preflight-item-"]:not(:checked)';

/** Every scenario through `paths` (all of them unless told), in that order. */
export async function benchActions(root: string, paths: readonly ActionPath[] = ACTION_PATHS): Promise<readonly ActionCount[]> {
  const { browser, origin, close } = await startPlaygroundServer(root, join(root, 'config', 'policy.json'));
  try {
    const counts: ActionCount[] = [];
    for (const path of paths) {
      const context = await browser.newContext({
        ignoreHTTPSErrors: true,
        viewport: { width: 1360, height: 900 },
        reducedMotion: 'reduce',
      });
      await context.route('**/*', (route) =>
        new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
      );
      try {
        for (const scenario of ACTION_SCENARIOS) {
          const page = await context.newPage();
          await page.goto(`${origin}/playground/?lang=en-US&mailbox=${path.mailbox}&permission=${path.permission}`);
          await page.locator('[data-log-key="playground.log.composeCompleted"]').first().waitFor({ timeout: 30_000 });
          counts.push(await countActions(page, scenario, path));
          await page.close();
        }
      } finally {
        await context.close();
      }
    }
    return counts;
  } finally {
    await close();
  }
}

class ActionLog {
  readonly steps: string[] = [];
  ticks = 0;

  async act(step: string, run: () => Promise<unknown>): Promise<void> {
    this.steps.push(step);
    await run();
  }
}

async function countActions(page: Page, scenario: ActionScenario, path: ActionPath): Promise<ActionCount> {
  await compose(page, scenario);
  const log = new ActionLog();
  if (path.pinnedPane) {
    // Pinned: the pane was opened once, on an earlier message, and stays; opening it is not part of this send.
    await page.getByTestId('compose-open-pane').click();
    await tickAll(await reviewFrame(page), log);
  }
  await log.act('Send', () => page.getByTestId('compose-send').click());
  for (let round = 0; round < 3 && !(await wasSent(page)); round += 1) await answerDialog(page, log);
  if (!(await wasSent(page))) throw new Error(`${scenario.name} / ${path.name}: the message did not go after ${log.steps.join(', ')}`);
  return { scenario: scenario.name, path: path.name, actions: log.steps.length, ticks: log.ticks, steps: log.steps };
}

async function compose(page: Page, scenario: ActionScenario): Promise<void> {
  const input = page.getByTestId('compose-to-input');
  for (const recipient of scenario.recipients) {
    await input.fill(recipient);
    await input.press('Enter');
  }
  await page.getByTestId('compose-subject').fill('Schedule for next week');
  for (const name of scenario.attachments) {
    await page
      .getByTestId('compose-attach-input')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: samplePdf('Schedule for next week') });
    await page.getByTestId('compose-attachment').filter({ hasText: name }).waitFor();
  }
}

/** Sent, or the Smart Alerts dialog is up; resolves once one of them is on screen. */
async function wasSent(page: Page): Promise<boolean> {
  const sent = page.getByTestId('sent-view');
  await page.getByTestId('smart-alert-dialog').or(sent).first().waitFor({ timeout: 60_000 });
  return sent.isVisible();
}

/** What a user does with the dialog: Send Anyway when offered, else the review pane, ticks, and send. */
async function answerDialog(page: Page, log: ActionLog): Promise<void> {
  const sendAnyway = page.getByTestId('smart-alert-send-anyway');
  if ((await sendAnyway.count()) > 0) {
    await log.act('Send Anyway', () => sendAnyway.click());
    return;
  }
  const review = page.getByTestId('smart-alert-action');
  if ((await review.count()) > 0) {
    await log.act('Review (dialog)', () => review.click());
  } else {
    // Below Mailbox 1.14 the dialog has no button that opens the pane: close it, then the ribbon button.
    await log.act("Don't Send", () => page.getByTestId('smart-alert-dont-send').click());
    await log.act('Preflight (ribbon)', () => page.getByTestId('compose-open-pane').click());
  }
  const pane = await reviewFrame(page);
  await tickAll(pane, log);
  const confirmAndSend = pane.getByTestId('preflight-confirm-send');
  if ((await confirmAndSend.count()) > 0) {
    await log.act('Confirm and send', () => confirmAndSend.click());
    return;
  }
  await log.act('Send', () => page.getByTestId('compose-send').click());
}

async function reviewFrame(page: Page): Promise<Frame> {
  const frame = await (await page.getByTestId('pane-frame').elementHandle())?.contentFrame();
  if (frame === null || frame === undefined) throw new Error('the review pane did not open');
  await frame.locator(REVIEW_READY).first().waitFor({ timeout: 60_000 });
  // Attachments are inspected after the review first shows; their items arrive with the result.
  await frame.locator('[data-testid="preflight-status"]:not([data-intent="busy"])').waitFor({ timeout: 60_000 });
  return frame;
}

async function tickAll(pane: Frame, log: ActionLog): Promise<void> {
  const unticked = pane.locator(UNTICKED);
  for (let round = 0; round < 100 && (await unticked.count()) > 0; round += 1) {
    log.ticks += 1;
    await log.act('tick', () => unticked.first().check());
  }
}

/** FlexConfirmMail's own dialog: Send, a tick per outside recipient and attachment, Send; no dialog when all is internal. */
export function flexConfirmMailActions(scenario: ActionScenario, internalDomain: string): number {
  const outside = scenario.recipients.filter((address) => !address.endsWith(`@${internalDomain}`)).length;
  if (outside === 0) return 1;
  return 2 + outside + scenario.attachments.length;
}
