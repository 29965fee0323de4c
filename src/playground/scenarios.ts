// The messages the playground starts from: a blank new message, a reply that opens with recipients
// (what OnNewMessageCompose records as the original recipients), or a blank meeting to organise.
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/translate.js';
import { EMPTY_CONTENT, type ComposeContent, type Sender } from './fake-office/compose-message.js';

export type Scenario = 'new' | 'reply' | 'meeting';

/** The partner of the reply scenario; outside any organisation the tests or the sample policy use. */
export const PARTNER_ADDRESS = 'hanako.suzuki@partner.co.jp';

export function sender(locale: Locale, organisationDomain: string): Sender {
  return { name: translate(locale, 'playground.sample.fromName'), address: `taro.yamada@${organisationDomain}` };
}

export function scenarioContent(scenario: Scenario, locale: Locale, organisationDomain: string): ComposeContent {
  const from = sender(locale, organisationDomain);
  if (scenario === 'new') return { ...EMPTY_CONTENT, from };
  if (scenario === 'meeting') return { ...EMPTY_CONTENT, kind: 'meeting', from };
  return {
    ...EMPTY_CONTENT,
    from,
    to: [{ address: PARTNER_ADDRESS, name: translate(locale, 'playground.sample.partnerName'), type: 'externalUser', resolved: true }],
    cc: [
      {
        address: `jiro.sato@${organisationDomain}`,
        name: translate(locale, 'playground.sample.colleagueName'),
        type: 'user',
        resolved: true,
      },
    ],
    subject: translate(locale, 'playground.sample.replySubject'),
    body: translate(locale, 'playground.sample.replyBody'),
  };
}
