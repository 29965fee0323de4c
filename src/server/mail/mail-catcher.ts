// Where a development server's mail goes when no SMTP relay is configured: kept in memory, newest
// first, so the playground can show the one-time code (docs/playground.md, "Mail catcher").
import type { CaughtMail } from '../../protocol/index.js';
import { composeApprovalMail, type ApprovalMailer } from './approval-mailer.js';
import { composeCodeMail, type CodeMailer } from './code-mailer.js';

/** Enough to scroll back through a session; a bound, so a long-running server never grows. */
export const MAIL_CATCHER_CAPACITY = 50;

export interface MailCatcher {
  keep(mail: { readonly to: string; readonly subject: string; readonly text: string }): void;
  /** Newest first, at most MAIL_CATCHER_CAPACITY. */
  messages(): readonly CaughtMail[];
}

export function mailCatcher(now: () => number = Date.now, capacity = MAIL_CATCHER_CAPACITY): MailCatcher {
  let kept: readonly CaughtMail[] = [];
  let lastId = 0;
  return {
    keep(mail) {
      lastId += 1;
      kept = [{ id: lastId, to: mail.to, subject: mail.subject, text: mail.text, sentAt: new Date(now()).toISOString() }, ...kept].slice(
        0,
        capacity,
      );
    },
    messages: () => kept,
  };
}

/** One-time codes into the catcher, composed exactly as the SMTP mailer composes them. */
export function caughtCodeMailer(catcher: MailCatcher): CodeMailer {
  return {
    async send(mail) {
      catcher.keep({ to: mail.to, ...composeCodeMail(mail) });
    },
    close: () => undefined,
  };
}

/** Approval requests into the catcher, composed exactly as the SMTP mailer composes them. */
export function caughtApprovalMailer(catcher: MailCatcher): ApprovalMailer {
  return {
    async send(mail) {
      catcher.keep({ to: mail.to, ...composeApprovalMail(mail) });
    },
    close: () => undefined,
  };
}
