import { translate } from '../../i18n/translate.js';
import { smtpTransport, type SmtpConfig } from './code-mailer.js';

export interface ApprovalMail {
  readonly to: string;
  readonly sender: string;
  readonly url: string;
  readonly expiresAt: number;
}

export interface ApprovalMailer {
  send(mail: ApprovalMail): Promise<void>;
  close(): void;
}

/**
 * Japanese first, then English, in one mail: the server does not know the approver's language, and the
 * approver may not share the sender's.
 */
export function composeApprovalMail(mail: ApprovalMail): { subject: string; text: string } {
  const params = { sender: mail.sender, url: mail.url, expires: new Date(mail.expiresAt).toISOString().slice(0, 16).replace('T', ' ') };
  return {
    subject: `${translate('ja', 'approvals.mail.subject', params)} / ${translate('en', 'approvals.mail.subject', params)}`,
    text: `${translate('ja', 'approvals.mail.body', params)}\n\n----\n\n${translate('en', 'approvals.mail.body', params)}\n`,
  };
}

/** Through the same relay as the one-time codes (PREFLIGHT_SMTP_*). */
export function smtpApprovalMailer(config: SmtpConfig): ApprovalMailer {
  const transport = smtpTransport(config);
  return {
    async send(mail) {
      const { subject, text } = composeApprovalMail(mail);
      await transport.sendMail({ from: config.from, to: mail.to, subject, text });
    },
    close: () => transport.close(),
  };
}
