// One message per finding kind (src/policy/rules). Placeholders are the finding's params.
const en = {
  'finding.external-recipient': 'Recipients at {domain} are outside the organisation.',
  'finding.mailing-list': '{address} is a mailing list: everyone on it will receive this message.',
  'finding.mailing-list.type':
    'Outlook reports {address} as a distribution list or could not tell what it is: check who will receive this message.',
  'finding.unresolved-recipient':
    '{recipient} has no valid email address, so Preflight cannot tell whether it is inside the organisation.',
  'finding.lookalike-domain': '{domain} looks like {imitates} but is a different domain. Check the spelling.',
  'finding.lookalike-domain.idn':
    '{unicode} looks like {imitates} but is a different domain (written {ascii}). Unusual characters: {characters}.',
  'finding.display-name-spoof':
    'The display name "{name}" shows the address {claimed}, but the message goes to {address}.',
  'finding.blocked-recipient': 'Sending to {address} is not allowed by the policy ({entry}).',
  'finding.attention-recipient': '{address} needs extra care ({entry}). Check that it is the right recipient.',
  'finding.keyword.subject': 'The subject contains "{term}".',
  'finding.keyword.body': 'The body contains "{term}".',
  'finding.keyword.attachment-name': 'The attachment name {names} contains "{term}".',
  'finding.many-domains-visible':
    'Addresses from {count} outside domains can see each other in To and Cc ({domains}). Consider moving them to Bcc.',
  'finding.new-domain': '{domain} was not among the recipients of the original message.',
  'finding.attachment-to-external': '{name} will be sent outside the organisation.',
} as const;

export const FINDING_STRINGS: { readonly en: typeof en; readonly ja: Record<keyof typeof en, string> } = {
  en,
  ja: {
    'finding.external-recipient': '社外の宛先です（{domain}）。',
    'finding.mailing-list': '{address} はメーリングリストです。登録されている全員に届きます。',
    'finding.mailing-list.type':
      '{address} は配布リスト、または Outlook が種類を判別できなかった宛先です。実際に誰に届くか確認してください。',
    'finding.unresolved-recipient':
      '{recipient} には有効なメールアドレスがないため、社内の宛先かどうか判定できません。',
    'finding.lookalike-domain':
      '類似ドメインの疑い：{domain} は {imitates} に似ていますが、別のドメインです。綴りを確認してください。',
    'finding.lookalike-domain.idn':
      '類似ドメインの疑い：{unicode} は {imitates} に似ていますが、別のドメイン（{ascii}）です。紛らわしい文字：{characters}',
    'finding.display-name-spoof':
      '表示名「{name}」にはアドレス {claimed} が書かれていますが、実際の宛先は {address} です。',
    'finding.blocked-recipient': '{address} への送信はポリシーで禁止されています（{entry}）。',
    'finding.attention-recipient': '{address} は要注意の宛先です（{entry}）。宛先が正しいか確認してください。',
    'finding.keyword.subject': '件名に「{term}」が含まれています。',
    'finding.keyword.body': '本文に「{term}」が含まれています。',
    'finding.keyword.attachment-name': '添付ファイル名 {names} に「{term}」が含まれています。',
    'finding.many-domains-visible':
      'To・Cc に社外の {count} ドメインのアドレスが並び、互いに見えます（{domains}）。Bcc への移動を検討してください。',
    'finding.new-domain': '{domain} は元のメールの宛先になかったドメインです。',
    'finding.attachment-to-external': '添付ファイル {name} が社外に送信されます。',
  },
};
