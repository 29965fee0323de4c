// A hand-built verdict for policy confirmPer "domain": one checklist item per outside domain.
import type { ChecklistItem, Finding, MessageSnapshot, Verdict } from '../../src/policy/index.js';
import { ATTACHMENT_FINDING, KEYWORD_FINDING, LOOKALIKE_ASCII, LOOKALIKE_FINDING, SNAPSHOT, VERDICT } from './fixtures.js';

/** SNAPSHOT with a second recipient at other.com, so one domain item stands for two rows. */
export const DOMAIN_SNAPSHOT: MessageSnapshot = { ...SNAPSHOT, to: [...SNAPSHOT.to, { address: 'alice@other.com', name: 'Alice' }] };

/** Names the whole domain, not one recipient: no row carries it, so only its group can show it. */
export const DOMAIN_WIDE_FINDING: Finding = {
  id: 'new-domain:other.com',
  rule: 'new-domain',
  severity: 'info',
  targets: [{ kind: 'domain', domain: 'other.com' }],
  messageKey: 'finding.new-domain',
  params: { domain: 'other.com' },
};

export const DOMAIN_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'domain:partner.co.jp',
    kind: 'domain',
    domain: 'partner.co.jp',
    recipients: [{ address: 'hanako@partner.co.jp', name: 'Hanako', field: 'to' }],
    findingIds: [],
  },
  {
    id: 'domain:other.com',
    kind: 'domain',
    domain: 'other.com',
    recipients: [
      { address: 'alice@other.com', name: 'Alice', field: 'to' },
      { address: 'bob@other.com', field: 'cc' },
    ],
    findingIds: [DOMAIN_WIDE_FINDING.id],
  },
  {
    id: `domain:${LOOKALIKE_ASCII}`,
    kind: 'domain',
    domain: LOOKALIKE_ASCII,
    recipients: [{ address: `eve@${LOOKALIKE_ASCII}`, field: 'cc' }],
    findingIds: [LOOKALIKE_FINDING.id],
  },
  { id: 'attachment:見積書.xlsx', kind: 'attachment', name: '見積書.xlsx', size: 18342, findingIds: [ATTACHMENT_FINDING.id] },
  { id: `finding:${KEYWORD_FINDING.id}`, kind: 'finding', findingId: KEYWORD_FINDING.id },
];

export const DOMAIN_VERDICT: Verdict = {
  ...VERDICT,
  findings: [...VERDICT.findings, DOMAIN_WIDE_FINDING],
  checklist: DOMAIN_CHECKLIST,
};
