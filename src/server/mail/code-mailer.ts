import nodemailer from 'nodemailer';
import type { Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';

/** The SMTP relay IT gives the server for one-time codes (PREFLIGHT_SMTP_*; docs/protection.md). */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the relay offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  /** The From address, e.g. `Preflight <no-reply@example.co.jp>`. */
  readonly from: string;
  /** Refuse a relay whose certificate does not verify (default true). */
  readonly rejectUnauthorized?: boolean;
}

export interface CodeMail {
  readonly to: string;
  readonly code: string;
  readonly minutes: number;
  readonly locale: Locale;
}

export interface CodeMailer {
  send(mail: CodeMail): Promise<void>;
  close(): void;
}

export function composeCodeMail(mail: CodeMail): { subject: string; text: string } {
  const params = { code: mail.code, minutes: mail.minutes, recipient: mail.to };
  return { subject: translate(mail.locale, 'links.mail.subject', params), text: translate(mail.locale, 'links.mail.body', params) };
}

/** The relay's transport; nodemailer's own logging stays off (it would print codes and links). */
export function smtpTransport(config: SmtpConfig): ReturnType<typeof nodemailer.createTransport> {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user === undefined ? {} : { auth: { user: config.user, pass: config.password ?? '' } }),
    tls: { rejectUnauthorized: config.rejectUnauthorized ?? true },
    logger: false,
    debug: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** Sends codes through the relay with nodemailer. */
export function smtpCodeMailer(config: SmtpConfig): CodeMailer {
  const transport = smtpTransport(config);
  return {
    async send(mail) {
      const { subject, text } = composeCodeMail(mail);
      await transport.sendMail({ from: config.from, to: mail.to, subject, text });
    },
    close: () => transport.close(),
  };
}
