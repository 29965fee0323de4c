import { toAsciiDomain } from './domain.js';
import { readKeywords } from './parse-keywords.js';
import { readMailingLists, readUnknownLists } from './parse-mailing-lists.js';
import { DEFAULT_ATTACHMENTS, readAttachments } from './parse-protection.js';
import { DEFAULT_DIALOG_CONFIRM, readConfirmPer, readDialogConfirm } from './parse-send-moment.js';
import { DEFAULT_PERSONAL_DATA, readAttachmentAction, readPartners, readPersonalData } from './parse-inspection.js';
import { childPath } from './json/json-reader.js';
import {
  checkKeys,
  hasKey,
  isRecord,
  objectReader,
  readBoolean,
  readChoice,
  readField,
  readInteger,
  readNormalizedList,
  type FieldReader,
  type Problems,
} from './policy-fields.js';
import { readRecipientList } from './parse-recipient-list.js';
import {
  RULE_IDS,
  SELF_CONFIGURED_RULES,
  type PersonalMailDomainsPolicy,
  type Policy,
  type PolicyParseResult,
  type PolicyProblem,
  type RuleId,
  type Severity,
  type SeverityRuleId,
} from './types.js';
import { readApproval } from './parse-approval.js';
import { DEFAULT_RECIPIENT_HISTORY, readRecipientHistory } from './parse-recipient-history.js';
import { DEFAULT_AUDIT, readAudit } from './parse-audit.js';
import { readAutoBcc, readBccAction, readDelaySend, DEFAULT_AUTO_BCC, DEFAULT_DELAY_SEND } from './parse-send-controls.js';

/** Every key a policy document may hold. `$schema` lets editors find config/policy.schema.json. */
export const POLICY_KEYS = [
  '$schema',
  'version',
  'internalDomains',
  'trustedDomains',
  'blockedRecipients',
  'attentionRecipients',
  'mailingLists',
  'unknownLists',
  'keywords',
  'bccSuggestThreshold',
  'confirmInternalOnly',
  'onError',
  'severities',
  'personalMailDomains',
  'recipientHistory',
  'personalData',
  'encryptedAttachments',
  'uninspectableAttachments',
  'partners',
  'attachments',
  'dialogConfirm',
  'confirmPer',
  'bccAction',
  'delaySend',
  'autoBcc',
  'approval',
  'audit',
] as const;

export const SEVERITIES: readonly Severity[] = ['info', 'confirm', 'block'];
export const MAX_BCC_SUGGEST_THRESHOLD = 1000;

/** Rules whose severity `severities` sets; the others have their own keys. */
export const SEVERITY_RULE_IDS: readonly SeverityRuleId[] = RULE_IDS.filter(
  (rule): rule is SeverityRuleId => !(SELF_CONFIGURED_RULES as readonly RuleId[]).includes(rule),
);

const SELF_CONFIGURED_KEYS = new Map<RuleId, string>([
  ['personal-data', '$.personalData'],
  ['encrypted-attachment', '$.encryptedAttachments'],
  ['uninspectable-attachment', '$.uninspectableAttachments'],
  ['unprotected-attachment', '$.attachments.protection.onUnprotected'],
  ['approval-required', '$.approval'],
]);

function defaultSeverities(): Record<SeverityRuleId, Severity> {
  const severities = {} as Record<SeverityRuleId, Severity>;
  for (const rule of SEVERITY_RULE_IDS) severities[rule] = 'confirm';
  severities['lookalike-domain'] = 'block';
  severities['blocked-recipient'] = 'block';
  return severities;
}

const DEFAULT_PERSONAL_MAIL_DOMAINS: PersonalMailDomainsPolicy = Object.freeze({
  add: Object.freeze([]) as readonly string[],
  remove: Object.freeze([]) as readonly string[],
  withAttachments: 'confirm',
});

/**
 * The policy of an empty document. No internal domains means every recipient is external, so an
 * unconfigured add-in asks too much rather than too little. Two external organisations in To/Cc is the
 * everyday three-party thread (client + contractor) where Bcc would break reply-all; from three on it
 * looks like the mass mailings behind most address-exposure incidents, so that is where Bcc is suggested.
 */
export const DEFAULT_POLICY: Policy = Object.freeze({
  version: 1,
  internalDomains: Object.freeze([]),
  trustedDomains: Object.freeze([]),
  blockedRecipients: Object.freeze([]),
  attentionRecipients: Object.freeze([]),
  mailingLists: Object.freeze([]),
  unknownLists: 'confirm',
  keywords: Object.freeze([]),
  bccSuggestThreshold: 3,
  confirmInternalOnly: false,
  onError: 'block',
  severities: Object.freeze(defaultSeverities()),
  personalMailDomains: DEFAULT_PERSONAL_MAIL_DOMAINS,
  recipientHistory: DEFAULT_RECIPIENT_HISTORY,
  personalData: DEFAULT_PERSONAL_DATA,
  encryptedAttachments: 'confirm',
  uninspectableAttachments: 'confirm',
  partners: Object.freeze([]),
  attachments: DEFAULT_ATTACHMENTS,
  dialogConfirm: DEFAULT_DIALOG_CONFIRM,
  confirmPer: 'recipient',
  bccAction: 'suggest',
  delaySend: DEFAULT_DELAY_SEND,
  autoBcc: DEFAULT_AUTO_BCC,
  approval: null,
  audit: DEFAULT_AUDIT,
});

function invalidDomain(text: string): Omit<PolicyProblem, 'path'> {
  const value = JSON.stringify(text);
  if (text.includes('@')) {
    return {
      message: `not a valid domain: ${value} (this list takes domains, not addresses)`,
      code: 'policy.invalid-domain-address',
      params: { value },
    };
  }
  if (text.trim().startsWith('*')) {
    return {
      message: `not a valid domain: ${value} (no wildcards: a domain already covers its subdomains)`,
      code: 'policy.invalid-domain-wildcard',
      params: { value },
    };
  }
  return { message: `not a valid domain: ${value}`, code: 'policy.invalid-domain', params: { value } };
}

const readDomains = readNormalizedList({ one: 'a domain name', many: 'domain names' }, toAsciiDomain, invalidDomain);

const readVersion: FieldReader<1> = (value, path, problems) => {
  if (value === 1) return 1;
  problems.push(
    typeof value === 'number'
      ? {
          path,
          message: `unsupported version ${value}; this Preflight reads version 1`,
          code: 'policy.unsupported-version',
          params: { version: value },
        }
      : { path, message: 'must be the number 1', code: 'policy.expected-version' },
  );
  return undefined;
};

const readSchemaReference: FieldReader<string> = (value, path, problems) => {
  if (typeof value === 'string') return value;
  problems.push({ path, message: 'must be a string (the schema URL)', code: 'policy.expected-schema-url' });
  return undefined;
};

const readSeverities: FieldReader<Readonly<Record<SeverityRuleId, Severity>>> = (value, path, problems) => {
  if (!isRecord(value)) {
    problems.push({ path, message: 'must be an object from rule id to "info", "confirm" or "block"', code: 'policy.expected-severities' });
    return undefined;
  }
  checkKeys(value, RULE_IDS, path, problems, 'rule');
  for (const [rule, key] of SELF_CONFIGURED_KEYS) {
    if (hasKey(value, rule))
      problems.push({
        path: childPath(path, rule),
        message: `set by ${key}, not here`,
        code: 'policy.self-configured-rule',
        params: { key },
      });
  }
  const severities = defaultSeverities();
  for (const rule of SEVERITY_RULE_IDS) {
    severities[rule] = readField(value, rule, path, problems, readChoice(SEVERITIES), severities[rule]);
  }
  return severities;
};

const readPersonalMailDomains = objectReader(
  ['add', 'remove', 'withAttachments'],
  ' with "add", "remove" and "withAttachments"',
  (record, path, problems): PersonalMailDomainsPolicy => ({
    add: readField(record, 'add', path, problems, readDomains, DEFAULT_PERSONAL_MAIL_DOMAINS.add),
    remove: readField(record, 'remove', path, problems, readDomains, DEFAULT_PERSONAL_MAIL_DOMAINS.remove),
    withAttachments: readField(
      record,
      'withAttachments',
      path,
      problems,
      readChoice(['confirm', 'block'] as const),
      DEFAULT_PERSONAL_MAIL_DOMAINS.withAttachments,
    ),
  }),
);

/** The normalised policy, or every problem of the document with its JSON path. */
export function parsePolicy(document: unknown): PolicyParseResult {
  if (!isRecord(document))
    return { ok: false, problems: [{ path: '$', message: 'must be a JSON object', code: 'policy.expected-document' }] };
  const problems: Problems = [];
  const read = <T>(key: (typeof POLICY_KEYS)[number], reader: FieldReader<T>, fallback: T): T =>
    readField(document, key, '$', problems, reader, fallback);
  checkKeys(document, POLICY_KEYS, '$', problems);
  read('$schema', readSchemaReference, '');
  const policy: Policy = {
    version: read('version', readVersion, DEFAULT_POLICY.version),
    internalDomains: read('internalDomains', readRecipientList, DEFAULT_POLICY.internalDomains),
    trustedDomains: read('trustedDomains', readRecipientList, DEFAULT_POLICY.trustedDomains),
    blockedRecipients: read('blockedRecipients', readRecipientList, DEFAULT_POLICY.blockedRecipients),
    attentionRecipients: read('attentionRecipients', readRecipientList, DEFAULT_POLICY.attentionRecipients),
    mailingLists: read('mailingLists', readMailingLists, DEFAULT_POLICY.mailingLists),
    unknownLists: read('unknownLists', readUnknownLists, DEFAULT_POLICY.unknownLists),
    keywords: read('keywords', readKeywords, DEFAULT_POLICY.keywords),
    bccSuggestThreshold: read('bccSuggestThreshold', readInteger(0, MAX_BCC_SUGGEST_THRESHOLD), DEFAULT_POLICY.bccSuggestThreshold),
    confirmInternalOnly: read('confirmInternalOnly', readBoolean, DEFAULT_POLICY.confirmInternalOnly),
    onError: read('onError', readChoice(['block', 'allow'] as const), DEFAULT_POLICY.onError),
    severities: read('severities', readSeverities, DEFAULT_POLICY.severities),
    personalMailDomains: read('personalMailDomains', readPersonalMailDomains, DEFAULT_POLICY.personalMailDomains),
    recipientHistory: read('recipientHistory', readRecipientHistory, DEFAULT_POLICY.recipientHistory),
    personalData: read('personalData', readPersonalData, DEFAULT_POLICY.personalData),
    encryptedAttachments: read('encryptedAttachments', readAttachmentAction, DEFAULT_POLICY.encryptedAttachments),
    uninspectableAttachments: read('uninspectableAttachments', readAttachmentAction, DEFAULT_POLICY.uninspectableAttachments),
    partners: read('partners', readPartners, DEFAULT_POLICY.partners),
    attachments: read('attachments', readAttachments, DEFAULT_POLICY.attachments),
    dialogConfirm: read('dialogConfirm', readDialogConfirm, DEFAULT_POLICY.dialogConfirm),
    confirmPer: read('confirmPer', readConfirmPer, DEFAULT_POLICY.confirmPer),
    bccAction: read('bccAction', readBccAction, DEFAULT_POLICY.bccAction),
    delaySend: read('delaySend', readDelaySend, DEFAULT_POLICY.delaySend),
    autoBcc: read('autoBcc', readAutoBcc, DEFAULT_POLICY.autoBcc),
    approval: read('approval', readApproval, DEFAULT_POLICY.approval),
    audit: read('audit', readAudit, DEFAULT_POLICY.audit),
  };
  return problems.length === 0 ? { ok: true, policy } : { ok: false, problems };
}
