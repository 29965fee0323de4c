/**
 * Domains where people hold private mailboxes: free mail and Japanese mobile carriers. A domain listed here
 * stands for itself and its subdomains (`biz.ezweb.ne.jp`, `d.vodafone.ne.jp`). The policy adds to or
 * removes from it with `personalMailDomains` (docs/policy.md, "Personal mail domains").
 *
 * Sources, read 2026-12:
 * - carriers: Recruit's Airレジ help, "携帯電話キャリアのメールアドレスへの配信について"
 *   (https://faq.restaurant-board.airregi.jp/hc/ja/articles/360005174434), and the carriers' own names
 *   for their sub-brands (ymobile.ne.jp, uqmobile.jp, rakumail.jp);
 * - free mail: the providers' sign-up domains (Google, Microsoft Outlook.com, Yahoo, Apple iCloud, Proton,
 *   GMX, Zoho and the large Chinese and Korean services).
 * Internet providers' home addresses (ocn.ne.jp, nifty.com…) are left out: small firms send from them for
 * business. Add them with `personalMailDomains.add` where that is not so.
 */
export const MOBILE_CARRIER_DOMAINS: readonly string[] = [
  'docomo.ne.jp',
  'mopera.net',
  'ezweb.ne.jp',
  'au.com',
  'ido.ne.jp',
  'sky.tkk.ne.jp',
  'sky.tkc.ne.jp',
  'sky.tu-ka.ne.jp',
  'softbank.ne.jp',
  'i.softbank.jp',
  'disney.ne.jp',
  'vodafone.ne.jp',
  'jp-c.ne.jp',
  'jp-d.ne.jp',
  'jp-h.ne.jp',
  'jp-k.ne.jp',
  'jp-n.ne.jp',
  'jp-q.ne.jp',
  'jp-r.ne.jp',
  'jp-s.ne.jp',
  'jp-t.ne.jp',
  'ymobile.ne.jp',
  'yahoo.ne.jp',
  'emnet.ne.jp',
  'willcom.com',
  'pdx.ne.jp',
  'uqmobile.jp',
  'rakumail.jp',
];

export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.jp',
  'hotmail.com',
  'hotmail.co.jp',
  'live.com',
  'live.jp',
  'msn.com',
  'yahoo.com',
  'yahoo.co.jp',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
];
