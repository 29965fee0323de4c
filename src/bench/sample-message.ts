// Messages for the benchmarks: recipients spread over the organisation and many outside domains, a
// Japanese subject and body, a few attachments; deterministic, so runs compare.
import type { MessageSnapshot, Recipient } from '../policy/index.js';

export interface SampleRecipient {
  readonly address: string;
  readonly name: string;
  readonly type: 'user' | 'externalUser';
}

// Forty outside domains unlike each other and unlike the sample policy's own and trusted domains, so the
// message needs a review rather than being blocked as a look-alike.
const FIRST = ['asahi', 'hikari', 'midori', 'nozomi', 'sora', 'tsubasa', 'yamato', 'kaede'];
const SECOND = ['shoji', 'kogyo', 'denki', 'bussan', 'seiko'];
const OUTSIDE_DOMAINS = FIRST.flatMap((first) => SECOND.map((second) => `${first}-${second}.co.jp`));

/** Every third recipient is inside `internalDomain`; the others spread over 40 outside domains. */
export function sampleRecipients(count: number, internalDomain: string): SampleRecipient[] {
  return Array.from({ length: count }, (_, index) =>
    index % 3 === 0
      ? { address: `staff${index}@${internalDomain}`, name: `社員 ${index}`, type: 'user' as const }
      : {
          address: `contact${index}@${OUTSIDE_DOMAINS[index % OUTSIDE_DOMAINS.length] ?? 'outside.example'}`,
          name: `Contact ${index}`,
          type: 'externalUser' as const,
        },
  );
}

export function sampleSnapshot(recipientCount: number, internalDomain: string): MessageSnapshot {
  const recipients: Recipient[] = sampleRecipients(recipientCount, internalDomain).map(({ address, name, type }) => ({
    address,
    name,
    type,
  }));
  const third = Math.ceil(recipients.length / 3);
  return {
    from: { address: `taro.yamada@${internalDomain}`, name: '山田 太郎' },
    to: recipients.slice(0, third),
    cc: recipients.slice(third, 2 * third),
    bcc: recipients.slice(2 * third),
    subject: '【ご案内】新製品説明会のお知らせ',
    body: '各位\n\nいつもお世話になっております。新製品の説明会を下記のとおり開催いたします。\n'.repeat(20),
    attachments: [
      { name: '説明会資料.pdf', size: 1_204_332, inline: false },
      { name: '会場案内.docx', size: 48_120, inline: false },
      { name: 'logo.png', size: 9_921, inline: true },
    ],
  };
}
