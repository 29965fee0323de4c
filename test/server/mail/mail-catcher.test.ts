// The development server's mail catcher: bounded, newest first, composed as the relay would send it.
import { describe, expect, it } from 'vitest';
import { shouldCatchMail } from '../../../src/server/mail/catcher-activation.js';
import { caughtApprovalMailer, caughtCodeMailer, MAIL_CATCHER_CAPACITY, mailCatcher } from '../../../src/server/mail/mail-catcher.js';

const DEVELOPMENT = { developmentToken: { token: 'a-long-enough-dev-token', forced: false }, admins: [] };
const RELAY = { host: 'smtp.example.co.jp', port: 587, secure: false, from: 'Preflight <no-reply@example.co.jp>' };

describe('mailCatcher', () => {
  it(`keeps the last ${MAIL_CATCHER_CAPACITY} messages, newest first, with increasing ids`, () => {
    let clock = Date.UTC(2026, 11, 6, 9, 0);
    const catcher = mailCatcher(() => clock);
    for (let index = 1; index <= MAIL_CATCHER_CAPACITY + 7; index += 1) {
      clock += 1000;
      catcher.keep({ to: `r${index}@partner.example`, subject: `s${index}`, text: `t${index}` });
    }
    const messages = catcher.messages();
    expect(messages).toHaveLength(MAIL_CATCHER_CAPACITY);
    expect(messages[0]).toEqual({ id: 57, to: 'r57@partner.example', subject: 's57', text: 't57', sentAt: new Date(clock).toISOString() });
    expect(messages.at(-1)?.id).toBe(8);
  });

  it('catches one-time codes and approval mails as the SMTP mailers compose them', async () => {
    const catcher = mailCatcher(() => 0);
    await caughtCodeMailer(catcher).send({ to: 'hanako@partner.example', code: '482913', minutes: 10, locale: 'ja' });
    await caughtApprovalMailer(catcher).send({
      to: 'boss@example.co.jp',
      sender: 'taro@example.co.jp',
      url: 'https://localhost:3000/approve/abc',
      expiresAt: 0,
    });
    const [approval, code] = catcher.messages();
    expect(code?.text).toContain('482913');
    expect(code?.subject).not.toContain('482913');
    expect(approval?.text).toContain('https://localhost:3000/approve/abc');
  });
});

describe('shouldCatchMail', () => {
  it('catches on a development server without a relay', () => {
    expect(shouldCatchMail({ auth: DEVELOPMENT, publicOrigin: 'https://localhost:3000', smtp: null })).toBe(true);
    expect(shouldCatchMail({ auth: DEVELOPMENT, publicOrigin: 'https://127.0.0.1:3000', smtp: undefined })).toBe(true);
  });
  it.each<[string, Parameters<typeof shouldCatchMail>[0]]>([
    ['a relay is configured', { auth: DEVELOPMENT, publicOrigin: 'https://localhost:3000', smtp: RELAY }],
    ['no development token', { auth: undefined, publicOrigin: 'https://localhost:3000', smtp: null }],
    ['only Entra ID', { auth: { admins: [] }, publicOrigin: 'https://localhost:3000', smtp: null }],
    [
      'a forced token on a public origin',
      {
        auth: { ...DEVELOPMENT, developmentToken: { token: 'a-long-enough-dev-token', forced: true } },
        publicOrigin: 'https://preflight.example.co.jp',
        smtp: null,
      },
    ],
  ])('sends or refuses as before when %s', (_name, facts) => {
    expect(shouldCatchMail(facts)).toBe(false);
  });
});
