// Hand-built verdicts: the pane's model is tested against the Verdict contract, not against today's rules.
import {
  DEFAULT_POLICY,
  RULE_IDS,
  type ChecklistItem,
  type Finding,
  type MessageSnapshot,
  type Policy,
  type RuleId,
  type Severity,
  type Verdict,
} from '../../src/policy/index.js';

export const POLICY: Policy = {
  ...DEFAULT_POLICY,
  version: 1,
  internalDomains: ['example.co.jp'],
  trustedDomains: ['partner.co.jp'],
  blockedRecipients: [],
  attentionRecipients: [],
  mailingLists: [],
  keywords: [],
  bccSuggestThreshold: 2,
  confirmInternalOnly: false,
  onError: 'block',
  severities: Object.fromEntries(RULE_IDS.map((rule) => [rule, 'confirm'])) as Record<RuleId, Severity>,
};

/** аррӏе.com in Cyrillic letters. */
export const LOOKALIKE_ASCII = 'xn--80ak6aa92e.com';

export const SNAPSHOT: MessageSnapshot = {
  from: { address: 'taro@example.co.jp', name: '山田 太郎' },
  to: [
    { address: 'hanako@partner.co.jp', name: 'Hanako', type: 'externalUser' },
    { address: 'jiro@example.co.jp', name: 'Jiro', type: 'user' },
  ],
  cc: [{ address: 'bob@other.com', type: 'externalUser' }, { address: `eve@${LOOKALIKE_ASCII}` }],
  bcc: [],
  subject: '見積書',
  body: 'body',
  attachments: [{ name: '見積書.xlsx', size: 18342, inline: false }],
};

export const LOOKALIKE_FINDING: Finding = {
  id: 'lookalike-domain:xn--80ak6aa92e.com',
  rule: 'lookalike-domain',
  severity: 'confirm',
  targets: [{ kind: 'recipient', address: `eve@${LOOKALIKE_ASCII}`, field: 'cc' }],
  messageKey: 'finding.lookalike-domain',
  params: { domain: 'аррӏе.com', imitates: 'apple.com' },
};

export const ATTACHMENT_FINDING: Finding = {
  id: 'attachment-to-external:見積書.xlsx',
  rule: 'attachment-to-external',
  severity: 'confirm',
  targets: [{ kind: 'attachment', name: '見積書.xlsx', size: 18342 }],
  messageKey: 'finding.attachment-to-external',
  params: { name: '見積書.xlsx' },
};

export const KEYWORD_FINDING: Finding = {
  id: 'keyword:subject:見積',
  rule: 'keyword',
  severity: 'confirm',
  targets: [{ kind: 'message', part: 'subject' }],
  messageKey: 'finding.keyword.subject',
  params: { term: '見積' },
};

export function recipientItem(
  address: string,
  field: 'to' | 'cc' | 'bcc',
  domain: string,
  findingIds: readonly string[] = [],
): ChecklistItem {
  return { id: `recipient:${field}:${address}`, kind: 'recipient', address, field, domain, external: true, findingIds };
}

export const CHECKLIST: readonly ChecklistItem[] = [
  recipientItem('hanako@partner.co.jp', 'to', 'partner.co.jp'),
  recipientItem('bob@other.com', 'cc', 'other.com'),
  recipientItem(`eve@${LOOKALIKE_ASCII}`, 'cc', LOOKALIKE_ASCII, [LOOKALIKE_FINDING.id]),
  { id: 'attachment:見積書.xlsx', kind: 'attachment', name: '見積書.xlsx', size: 18342, findingIds: [ATTACHMENT_FINDING.id] },
  { id: `finding:${KEYWORD_FINDING.id}`, kind: 'finding', findingId: KEYWORD_FINDING.id },
];

export const VERDICT: Verdict = {
  decision: 'confirm',
  findings: [LOOKALIKE_FINDING, ATTACHMENT_FINDING, KEYWORD_FINDING],
  checklist: CHECKLIST,
  actions: [{ kind: 'move-to-bcc', addresses: ['hanako@partner.co.jp'] }],
  fingerprint: 'fingerprint-1',
};

export function verdictWith(overrides: Partial<Verdict>): Verdict {
  return { ...VERDICT, ...overrides };
}
