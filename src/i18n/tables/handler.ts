// Smart Alerts texts of the send handler. Each message the handler builds stays under 500 characters
// (src/launchevent/alert-text.ts drops list lines first), so keep these short.
const en = {
  'handler.confirm.title': 'Preflight: please check this message before it is sent.',
  'handler.confirm.external': 'External recipients: {count}, domains: {domains}',
  'handler.confirm.attachments': 'Attachments: {count}',
  'handler.confirm.findings': 'Points to check: {count}',
  'handler.confirm.review': 'Select Review to open the checklist, confirm each item, then send again.',
  'handler.confirm.ribbon': 'Open Preflight from the ribbon, confirm each item, then send again.',
  'handler.confirm.cancelLabel': 'Review',
  'handler.block.title': 'Preflight stopped this message:',
  'handler.block.generic': 'It breaks your organisation’s sending policy.',
  'handler.block.fix': 'Change or remove what is listed, then send again.',
  'handler.error.title': 'Preflight could not check this message, so it was not sent.',
  'handler.error.retry': 'Send it again. If this keeps happening, contact your IT department (detail: {detail}).',
  'handler.unprotected':
    'Attachments not protected as the policy asks: {count}. Protect them with "Protect attachments" in the Preflight pane.',
} as const;

export const HANDLER_STRINGS: { readonly en: typeof en; readonly ja: Record<keyof typeof en, string> } = {
  en,
  ja: {
    'handler.confirm.title': 'Preflight: 送信前にこのメールを確認してください。',
    'handler.confirm.external': '社外の宛先: {count} 件（{domains} ドメイン）',
    'handler.confirm.attachments': '添付ファイル: {count} 件',
    'handler.confirm.findings': '確認事項: {count} 件',
    'handler.confirm.review': '「確認する」からチェックリストを開き、各項目を確認してから、もう一度送信してください。',
    'handler.confirm.ribbon': 'リボンから Preflight を開き、各項目を確認してから、もう一度送信してください。',
    'handler.confirm.cancelLabel': '確認する',
    'handler.block.title': 'Preflight がこのメールの送信を止めました:',
    'handler.block.generic': '組織の送信ポリシーに反しています。',
    'handler.block.fix': '上記を修正または削除してから、もう一度送信してください。',
    'handler.error.title': 'Preflight がこのメールを確認できなかったため、送信しませんでした。',
    'handler.error.retry': 'もう一度送信してください。繰り返し起きる場合は IT 部門に連絡してください（詳細: {detail}）。',
    'handler.unprotected':
      'ポリシーどおりに保護されていない添付ファイル: {count} 件。Preflight ペインの「添付ファイルを保護」で保護してください。',
  },
};
