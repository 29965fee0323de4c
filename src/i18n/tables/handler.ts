// Smart Alerts texts of the send handler. Each message the handler builds stays under 500 characters
// (src/launchevent/alert-text.ts drops list lines first), so keep these short. Outlook titles the dialog
// with the add-in's name already, so these never repeat it.
import type { TablePair } from '../template.js';

const en = {
  'handler.confirm.title': 'Check this message before it is sent:',
  'handler.confirm.titleMeeting': 'Check this meeting request before it is sent:',
  'handler.confirm.review': 'Items to check: {count}. Select Review, tick them in the checklist, then send again.',
  'handler.confirm.ribbon': 'Items to check: {count}. Open "Review before sending" on the ribbon, tick them, then send again.',
  'handler.confirm.cancelLabel': 'Review',
  'handler.dialog.title': 'This message goes outside your organisation, to:',
  'handler.dialog.titleMeeting': 'This meeting request goes outside your organisation, to:',
  'handler.dialog.closing': 'Sending anyway confirms these recipients. To look closer, select Review.',
  'handler.line.outside': 'Outside: {domain} — {addresses}',
  'handler.line.outsideCount': 'Outside: {domain} — {count} recipients',
  'handler.line.attachments': 'Attachments: {names}',
  'handler.line.lookalike': '{domain} — "{char}" is {name} ({codePoint})',
  'handler.line.more': '{line} (+{count} more)',
  'handler.block.title': 'This message was not sent:',
  'handler.block.titleMeeting': 'This meeting request was not sent:',
  'handler.block.generic': 'It breaks your organisation’s sending policy.',
  'handler.block.fix': 'Change or remove what is listed, then send again.',
  'handler.error.title': 'This message could not be checked, so it was not sent.',
  'handler.error.titleMeeting': 'This meeting request could not be checked, so it was not sent.',
  'handler.error.retry': 'Send it again. If this keeps happening, contact your IT department (detail: {detail}).',
  'handler.hold':
    'It leaves at {time}. Until then you can still cancel it in Drafts (Outlook on the web, new Outlook, Mac); classic Outlook on Windows cannot cancel it.',
  'handler.approval.title': 'This message needs a supervisor’s approval before it is sent.',
  'handler.approval.titleMeeting': 'This meeting request needs a supervisor’s approval before it is sent.',
  'handler.approval.approvers': 'Approvers: {approvers}',
  'handler.approval.noApprover': 'No approver is set for you. Ask your IT department.',
  'handler.approval.review': 'Select Review, then "Request approval". Once it is approved, send again.',
  'handler.approval.ribbon': 'Open "Review before sending" on the ribbon and choose "Request approval". Once it is approved, send again.',
  'handler.moved.title': 'Outside recipients moved to Bcc so they cannot see each other ({count}):',
  'handler.moved.closing': 'Check the message, then send it again.',
  'handler.unprotected':
    'Attachments not protected as the policy asks: {count}. Protect them with "Protect attachments" in the review pane.',
} as const;

export const HANDLER_STRINGS: TablePair<typeof en> = {
  en,
  ja: {
    'handler.confirm.title': '送信前にこのメールを確認してください:',
    'handler.confirm.titleMeeting': '送信前にこの会議出席依頼を確認してください:',
    'handler.confirm.review': '確認する項目: {count} 件。「確認する」でチェックリストを開いて確認してから、もう一度送信してください。',
    'handler.confirm.ribbon': '確認する項目: {count} 件。リボンの「送信前の確認」を開いて確認してから、もう一度送信してください。',
    'handler.confirm.cancelLabel': '確認する',
    'handler.dialog.title': 'このメールは社外の次の宛先に送られます:',
    'handler.dialog.titleMeeting': 'この会議出席依頼は社外の次の出席者に送られます:',
    'handler.dialog.closing':
      'このまま送信すると、これらの宛先を確認したことになります。詳しく確認する場合は「確認する」を選んでください。',
    'handler.line.outside': '社外: {domain} — {addresses}',
    'handler.line.outsideCount': '社外: {domain} — {count} 件',
    'handler.line.attachments': '添付ファイル: {names}',
    'handler.line.lookalike': '{domain} — 「{char}」は {name} ({codePoint}) です',
    'handler.line.more': '{line}（ほか {count} 件）',
    'handler.block.title': 'このメールは送信されませんでした:',
    'handler.block.titleMeeting': 'この会議出席依頼は送信されませんでした:',
    'handler.block.generic': '組織の送信ポリシーに反しています。',
    'handler.block.fix': '上記を修正または削除してから、もう一度送信してください。',
    'handler.error.title': 'このメールを確認できなかったため、送信しませんでした。',
    'handler.error.titleMeeting': 'この会議出席依頼を確認できなかったため、送信しませんでした。',
    'handler.error.retry': 'もう一度送信してください。繰り返し起きる場合は IT 部門に連絡してください（詳細: {detail}）。',
    'handler.hold':
      '{time} に送信されます。それまでは「下書き」から取り消せます（Outlook on the web、新しい Outlook、Mac）。従来の Outlook for Windows では取り消せません。',
    'handler.approval.title': 'このメールは送信前に上長の承認が必要です。',
    'handler.approval.titleMeeting': 'この会議出席依頼は送信前に上長の承認が必要です。',
    'handler.approval.approvers': '承認者: {approvers}',
    'handler.approval.noApprover': 'あなたの承認者が設定されていません。情報システム部門に問い合わせてください。',
    'handler.approval.review': '「確認する」を選び、「承認を依頼」を押してください。承認されたら、もう一度送信してください。',
    'handler.approval.ribbon': 'リボンの「送信前の確認」を開き、「承認を依頼」を押してください。承認されたら、もう一度送信してください。',
    'handler.moved.title': '社外の宛先が互いに見えないよう Bcc に移しました（{count} 件）:',
    'handler.moved.closing': 'メールを確認してから、もう一度送信してください。',
    'handler.unprotected':
      'ポリシーどおりに保護されていない添付ファイル: {count} 件。確認ペインの「添付ファイルの保護」で保護してください。',
  },
};
