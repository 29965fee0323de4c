// One message per finding kind (src/policy/rules). Placeholders are the finding's params.
import type { TablePair } from '../template.js';

const en = {
  'finding.external-recipient': 'Recipients at {domain} are outside the organisation.',
  'finding.external-recipient.list': 'The list {address} has members outside the organisation, at {domains}.',
  'finding.external-recipient.unknownList':
    'The list {address} is not one the organisation knows, so its members count as outside the organisation.',
  'finding.mailing-list': '{address} is a mailing list: everyone on it will receive this message.',
  'finding.mailing-list.type':
    'Outlook reports {address} as a distribution list or could not tell what it is: check who will receive this message.',
  'finding.unresolved-recipient': '{recipient} has no valid email address, so Preflight cannot tell whether it is inside the organisation.',
  'finding.lookalike-domain': '{domain} looks like {imitates} but is a different domain. Check the spelling.',
  'finding.lookalike-domain.idn':
    '{unicode} looks like {imitates} but is a different domain (written {ascii}). Unusual characters: {characters}.',
  'finding.display-name-spoof': 'The display name "{name}" shows the address {claimed}, but the message goes to {address}.',
  'finding.same-name-outside':
    '{address} is outside the organisation but has the name "{name}", like {colleague} inside it. Check that it is the address you meant.',
  'finding.same-name-outside.sender':
    '{address} is outside the organisation but has your own name, "{name}". Check that you mean to send to that address.',
  'finding.blocked-recipient': 'Sending to {address} is not allowed by the policy ({entry}).',
  'finding.attention-recipient': '{address} needs extra care ({entry}). Check that it is the right recipient.',
  'finding.keyword.subject': 'The subject contains "{term}".',
  'finding.keyword.body': 'The body contains "{term}".',
  'finding.keyword.attachment-name': 'The attachment name {names} contains "{term}".',
  'finding.many-domains-visible':
    'Addresses from {count} outside domains can see each other in To and Cc ({domains}). Consider moving them to Bcc.',
  'finding.many-domains-visible.move':
    'Addresses from {count} outside domains can see each other in To and Cc ({domains}). They will be moved to Bcc when you press Send.',
  'finding.new-domain': '{domain} was not among the recipients of the original message.',
  'finding.first-time-recipient': 'You have not written to {address} before.',
  'finding.first-time-recipient.known-domain': 'You have written to this domain, but not to {address}.',
  'finding.first-time-recipient.nearest':
    'You have not written to {address} before. You have written to {nearest}: is that the one you meant?',
  'finding.personal-mail-domain.free-mail': '{address} is a free-mail address: a private mailbox, not a company one.',
  'finding.personal-mail-domain.mobile-carrier': '{address} is a mobile phone address: a private mailbox, not a company one.',
  'finding.personal-mail-domain.policy': '{address} is at {domain}, which your organisation lists as private mail.',
  'finding.personal-mail-domain.carries-data':
    '{address} is a private mailbox ({domain}): your organisation does not let files or personal data go to one.',
  'finding.personal-mail-domain.list': 'The list {address} reaches {domain}, where people hold private mailboxes.',
  'finding.personal-mail-domain.list-carries-data':
    'The list {address} reaches private mailboxes ({domain}): your organisation does not let files or personal data go to one.',
  'finding.attachment-to-external': '{name} will be sent outside the organisation.',
  'finding.personal-data.my-number.subject': 'My Number (individual number) found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.my-number.body': 'My Number (individual number) found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.my-number.attachment': 'My Number (individual number) found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.corporate-number.subject': 'Corporate Number found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.corporate-number.body': 'Corporate Number found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.corporate-number.attachment': 'Corporate Number found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.payment-card.subject': 'Payment card number found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.payment-card.body': 'Payment card number found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.payment-card.attachment': 'Payment card number found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.phone.subject': 'Phone number found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.phone.body': 'Phone number found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.phone.attachment': 'Phone number found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.postal-code.subject': 'Postal code found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.postal-code.body': 'Postal code found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.postal-code.attachment': 'Postal code found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.address.subject': 'Postal address found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.address.body': 'Postal address found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.address.attachment': 'Postal address found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.email.subject': 'Email address found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.email.body': 'Email address found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.email.attachment': 'Email address found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.personal-data.bank-account.subject': 'Bank account number found in the subject: {count} (e.g. {samples}).',
  'finding.personal-data.bank-account.body': 'Bank account number found in the body: {count} (e.g. {samples}).',
  'finding.personal-data.bank-account.attachment': 'Bank account number found in the attachment {where}: {count} (e.g. {samples}).',
  'finding.encrypted-attachment':
    '{name} is password-protected, so Preflight cannot check what it contains. A password ZIP with the password sent in another mail (PPAP) does not protect it; consider a shared link instead.',
  'finding.encrypted-attachment.member': '{name} contains password-protected files ({parts}), so Preflight cannot check what they contain.',
  'finding.uninspectable-attachment': '{name} could not be read, so it has not been checked for personal data.',
  'finding.uninspectable-attachment.limit':
    '{name} is too large or too deeply packed to check completely, so part of it has not been checked for personal data.',
  'finding.uninspectable-attachment.member':
    'Some files inside {name} could not be read ({parts}), so they have not been checked for personal data.',
  'finding.uninspectable-attachment.pending':
    'Preflight did not finish checking {name} in time, so it has not been checked for personal data.',
  'finding.attachment-mismatch.subject':
    'The subject names {partner}, but the outside recipients belong to {recipients}. Check that this message goes to the right company.',
  'finding.attachment-mismatch.body':
    'The body names {partner}, but the outside recipients belong to {recipients}. Check that this message goes to the right company.',
  'finding.attachment-mismatch.attachment-name':
    'The attachment name {name} names {partner}, but the outside recipients belong to {recipients}. Check the recipients and the attachment.',
  'finding.unprotected-attachment.zip.external':
    '{name} would go outside the organisation unprotected. The policy requires an encrypted ZIP or a secure link: use "Protect attachments" in the Preflight review pane.',
  'finding.unprotected-attachment.zip.internal':
    '{name} is not protected. The policy requires an encrypted ZIP or a secure link, even for internal mail: use "Protect attachments" in the Preflight review pane.',
  'finding.unprotected-attachment.link.external':
    '{name} would go outside the organisation as an attachment. The policy requires a secure download link instead: use "Protect attachments" in the Preflight review pane.',
  'finding.unprotected-attachment.link.internal':
    '{name} is attached. The policy requires a secure download link instead, even for internal mail: use "Protect attachments" in the Preflight review pane.',
  'finding.approval-required':
    'A supervisor must approve this message before it can be sent ({approvers}). Open Preflight and choose "Request approval".',
  'finding.approval-required.no-approver':
    'The policy requires approval for this message, but no approver is set for you. Ask your IT department.',
  'finding.approval-required.approved': 'Approved by {approver}.',
} as const;

/** Every finding message; src/policy types Finding.messageKey with it, so a rule cannot name a missing one. */
export type FindingKey = keyof typeof en;

export const FINDING_STRINGS: TablePair<typeof en> = {
  en,
  ja: {
    'finding.external-recipient': '社外の宛先です（{domain}）。',
    'finding.external-recipient.list': 'リスト {address} には社外のメンバーがいます（{domains}）。',
    'finding.external-recipient.unknownList': 'リスト {address} は組織に登録されていないため、メンバーを社外として扱います。',
    'finding.mailing-list': '{address} はメーリングリストです。登録されている全員に届きます。',
    'finding.mailing-list.type':
      '{address} は配布リスト、または Outlook が種類を判別できなかった宛先です。実際に誰に届くか確認してください。',
    'finding.unresolved-recipient': '{recipient} には有効なメールアドレスがないため、社内の宛先かどうか判定できません。',
    'finding.lookalike-domain': '類似ドメインの疑い：{domain} は {imitates} に似ていますが、別のドメインです。綴りを確認してください。',
    'finding.lookalike-domain.idn':
      '類似ドメインの疑い：{unicode} は {imitates} に似ていますが、別のドメイン（{ascii}）です。紛らわしい文字：{characters}',
    'finding.display-name-spoof': '表示名「{name}」にはアドレス {claimed} が書かれていますが、実際の宛先は {address} です。',
    'finding.same-name-outside':
      '{address} は社外のアドレスですが、社内の {colleague} と同じ名前「{name}」が付いています。宛先のアドレスが正しいか確認してください。',
    'finding.same-name-outside.sender':
      '{address} は社外のアドレスですが、あなた自身と同じ名前「{name}」が付いています。このアドレスに送ってよいか確認してください。',
    'finding.blocked-recipient': '{address} への送信はポリシーで禁止されています（{entry}）。',
    'finding.attention-recipient': '{address} は要注意の宛先です（{entry}）。宛先が正しいか確認してください。',
    'finding.keyword.subject': '件名に「{term}」が含まれています。',
    'finding.keyword.body': '本文に「{term}」が含まれています。',
    'finding.keyword.attachment-name': '添付ファイル名 {names} に「{term}」が含まれています。',
    'finding.many-domains-visible':
      'To・Cc に社外の {count} ドメインのアドレスが並び、互いに見えます（{domains}）。Bcc への移動を検討してください。',
    'finding.many-domains-visible.move':
      'To・Cc に社外の {count} ドメインのアドレスが並び、互いに見えます（{domains}）。送信時に Bcc へ移します。',
    'finding.new-domain': '{domain} は元のメールの宛先になかったドメインです。',
    'finding.first-time-recipient': '{address} には、これまでに送信したことがありません。',
    'finding.first-time-recipient.known-domain': 'このドメインには送信したことがありますが、{address} には初めて送信します。',
    'finding.first-time-recipient.nearest':
      '{address} には初めて送信します。送信したことがあるのは {nearest} です。宛先に誤りはありませんか?',
    'finding.personal-mail-domain.free-mail': '{address} はフリーメールのアドレスです。会社ではなく個人のメールボックスです。',
    'finding.personal-mail-domain.mobile-carrier': '{address} は携帯電話のメールアドレスです。会社ではなく個人のメールボックスです。',
    'finding.personal-mail-domain.policy': '{address} のドメイン {domain} は、組織が個人のメールとして指定しています。',
    'finding.personal-mail-domain.carries-data':
      '{address} は個人のメールボックス ({domain}) です。組織の方針により、個人のメールボックスにはファイルや個人情報を送れません。',
    'finding.personal-mail-domain.list': 'メーリングリスト {address} は、個人のメールボックスがある {domain} にも届きます。',
    'finding.personal-mail-domain.list-carries-data':
      'メーリングリスト {address} は個人のメールボックス ({domain}) にも届きます。組織の方針により、個人のメールボックスにはファイルや個人情報を送れません。',
    'finding.attachment-to-external': '添付ファイル {name} が社外に送信されます。',
    'finding.personal-data.my-number.subject': '件名に個人番号（マイナンバー）が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.my-number.body': '本文に個人番号（マイナンバー）が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.my-number.attachment':
      '添付ファイル {where} に個人番号（マイナンバー）が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.corporate-number.subject': '件名に法人番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.corporate-number.body': '本文に法人番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.corporate-number.attachment': '添付ファイル {where} に法人番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.payment-card.subject': '件名にクレジットカード番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.payment-card.body': '本文にクレジットカード番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.payment-card.attachment':
      '添付ファイル {where} にクレジットカード番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.phone.subject': '件名に電話番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.phone.body': '本文に電話番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.phone.attachment': '添付ファイル {where} に電話番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.postal-code.subject': '件名に郵便番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.postal-code.body': '本文に郵便番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.postal-code.attachment': '添付ファイル {where} に郵便番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.address.subject': '件名に住所が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.address.body': '本文に住所が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.address.attachment': '添付ファイル {where} に住所が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.email.subject': '件名にメールアドレスが {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.email.body': '本文にメールアドレスが {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.email.attachment': '添付ファイル {where} にメールアドレスが {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.bank-account.subject': '件名に銀行口座番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.bank-account.body': '本文に銀行口座番号が {count} 件含まれています（例：{samples}）。',
    'finding.personal-data.bank-account.attachment': '添付ファイル {where} に銀行口座番号が {count} 件含まれています（例：{samples}）。',
    'finding.encrypted-attachment':
      '{name} はパスワード付きのため、内容を確認できません。パスワード付き ZIP とパスワードを別のメールで送る方法（PPAP）では保護になりません。共有リンクなどの利用を検討してください。',
    'finding.encrypted-attachment.member': '{name} にはパスワード付きのファイル（{parts}）が含まれているため、その内容を確認できません。',
    'finding.uninspectable-attachment': '{name} を読み取れなかったため、個人情報が含まれていないか確認できていません。',
    'finding.uninspectable-attachment.limit':
      '{name} はサイズが大きいか何重にも圧縮されているため、一部について個人情報の確認ができていません。',
    'finding.uninspectable-attachment.member':
      '{name} 内の一部のファイル（{parts}）を読み取れなかったため、個人情報の確認ができていません。',
    'finding.uninspectable-attachment.pending': '{name} の確認が時間内に終わらなかったため、個人情報が含まれていないか確認できていません。',
    'finding.attachment-mismatch.subject':
      '件名に {partner} の名前がありますが、社外の宛先は {recipients} です。送信先の会社が正しいか確認してください。',
    'finding.attachment-mismatch.body':
      '本文に {partner} の名前がありますが、社外の宛先は {recipients} です。送信先の会社が正しいか確認してください。',
    'finding.attachment-mismatch.attachment-name':
      '添付ファイル名 {name} に {partner} の名前がありますが、社外の宛先は {recipients} です。宛先と添付ファイルが正しいか確認してください。',
    'finding.unprotected-attachment.zip.external':
      '{name} が保護されないまま社外に送信されます。ポリシーでは暗号化 ZIP または安全なリンクが必要です。Preflight の確認ペインで「添付ファイルの保護」を使ってください。',
    'finding.unprotected-attachment.zip.internal':
      '{name} が保護されていません。ポリシーでは社内宛てでも暗号化 ZIP または安全なリンクが必要です。Preflight の確認ペインで「添付ファイルの保護」を使ってください。',
    'finding.unprotected-attachment.link.external':
      '{name} が添付ファイルのまま社外に送信されます。ポリシーでは安全なダウンロードリンクでの送付が必要です。Preflight の確認ペインで「添付ファイルの保護」を使ってください。',
    'finding.unprotected-attachment.link.internal':
      '{name} が添付されています。ポリシーでは社内宛てでも安全なダウンロードリンクでの送付が必要です。Preflight の確認ペインで「添付ファイルの保護」を使ってください。',
    'finding.approval-required':
      'このメールは送信前に上長の承認が必要です（{approvers}）。Preflight を開いて「承認を依頼」を選んでください。',
    'finding.approval-required.no-approver':
      'ポリシーではこのメールに承認が必要ですが、あなたの承認者が設定されていません。情報システム部門に問い合わせてください。',
    'finding.approval-required.approved': '{approver} が承認しました。',
  },
};
