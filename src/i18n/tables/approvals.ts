// The mail an approver gets when a sender asks for supervisor approval (server-rendered, both languages in one mail).
import type { TablePair } from '../template.js';

const en = {
  'approvals.mail.subject': 'Approval requested by {sender}',
  'approvals.mail.body': [
    '{sender} asks you to approve a message before it is sent.',
    '',
    'Review it and approve or reject it here:',
    '{url}',
    '',
    'The request expires at {expires} (UTC). Only the approvers named in the request can open it.',
  ].join('\n'),
} as const;

export const APPROVAL_STRINGS: TablePair<typeof en> = {
  en,
  ja: {
    'approvals.mail.subject': '{sender} さんから送信承認の依頼',
    'approvals.mail.body': [
      '{sender} さんから、メール送信前の承認依頼が届いています。',
      '',
      '次のページで内容を確認し、承認または却下してください:',
      '{url}',
      '',
      '有効期限は {expires} (UTC) です。依頼で指定された承認者だけが開けます。',
    ].join('\n'),
  },
};
