// The pane's protection actions (docs/protection.md) as plain steps, apart from React: what each reads from
// the item, what it tells the pane, and the re-check after. The hook (use-review.ts) runs each one inside
// the Office queue (office-queue.ts), so no other item call falls between their reads and writes.
import type { MessageSnapshot } from '../policy/index.js';
import type { ZipMethod } from '../protocol/index.js';
import { failureOf } from './error-detail.js';
import { linkBlock } from './link-block.js';
import { paneEvent, report } from './pane-audit.js';
import type { PaneGateway } from './pane-gateway.js';
import type { PaneEvent } from './pane-state.js';
import type { PaneText } from './pane-text.js';
import { sharePasswordByLink, type PasswordLinkOutcome } from './password-link.js';
import { protectAsLinks, type LinkChoice } from './protect-link.js';
import { protectAsZip } from './protect-zip.js';
import type { Review } from './review-session.js';

export interface CommandContext {
  readonly gateway: PaneGateway;
  readonly dispatch: (event: PaneEvent) => void;
  /** Checks the item again as it is now, so the findings follow what the command changed. */
  readonly evaluateAgain: () => Promise<void>;
}

/** The attachments of `review` into one encrypted ZIP; the outcome (with the password) goes to the pane. */
export async function protectZipCommand(context: CommandContext, review: Review, method: ZipMethod, archiveName: string): Promise<void> {
  const { gateway, dispatch } = context;
  const choice = { method, archiveName, maxTotalBytes: review.policy.attachments.protection.zip.maxTotalBytes };
  dispatch({ type: 'work-started', work: { kind: 'protecting', stage: 'read' } });
  const outcome = await protectAsZip(gateway, review.snapshot.attachments, choice, (progress) =>
    dispatch({ type: 'work-started', work: { kind: 'protecting', ...progress } }),
  );
  dispatch({ type: 'zip-finished', outcome });
  if (outcome.ok) report(gateway, paneEvent(gateway, review, 'protect', 'zip'));
  await context.evaluateAgain();
}

/** The attachments behind secure links; `mailText` writes the link block in the message's language. */
export async function protectLinksCommand(context: CommandContext, review: Review, mailText: PaneText): Promise<void> {
  const { gateway, dispatch } = context;
  const settings = review.policy.attachments.protection.link;
  const choice: LinkChoice = {
    maxTotalBytes: settings.maxTotalBytes,
    block: (links, files) => linkBlock({ links, files, requireCode: settings.requireCode, maxDownloads: settings.maxDownloads }, mailText),
  };
  dispatch({ type: 'work-started', work: { kind: 'linking', stage: 'recipients' } });
  // Read afresh: the Bcc refusal and the recipient list must see the message as it is now.
  const snapshot = await gateway.readSnapshot();
  const outcome = await protectAsLinks(gateway, snapshot, choice, (progress) =>
    dispatch({ type: 'work-started', work: { kind: 'linking', ...progress } }),
  );
  dispatch({ type: 'link-finished', outcome });
  if (outcome.ok) report(gateway, paneEvent(gateway, review, 'protect', 'link'));
  await context.evaluateAgain();
}

/** A ZIP's password behind a secure link, in a separate message to the people the message goes to now. */
export async function passwordLinkCommand(
  gateway: PaneGateway,
  review: Review,
  mailText: PaneText,
  zipName: string,
  password: string,
): Promise<PasswordLinkOutcome> {
  const settings = review.policy.attachments.protection.link;
  let snapshot: MessageSnapshot;
  try {
    snapshot = await gateway.readSnapshot();
  } catch (error) {
    return { ok: false, stage: 'read', ...failureOf(error) };
  }
  return sharePasswordByLink(gateway, snapshot, {
    fileName: mailText('pane.protect.passwordFile', { name: zipName }),
    fileText: `${mailText('pane.protect.passwordBody', { name: zipName, password })}\n`,
    form: (links, file) => ({
      toRecipients: snapshot.to.map((recipient) => recipient.address),
      ccRecipients: snapshot.cc.map((recipient) => recipient.address),
      subject: mailText('pane.protect.passwordSubject', { name: zipName }),
      htmlBody: linkBlock(
        {
          links,
          files: [file],
          requireCode: settings.requireCode,
          maxDownloads: settings.maxDownloads,
          title: mailText('pane.protect.passwordLinkTitle', { name: zipName }),
        },
        mailText,
      ).html,
    }),
  });
}
