// Reader for `approval`: when a supervisor must approve a message before it goes, and who (docs/policy.md,
// docs/approval.md). Absent or null turns approval off.
import { normalizeAddressPattern } from './address-pattern.js';
import { toAsciiDomain } from './domain.js';
import { CONTROL_SCOPES, readAddresses } from './parse-send-controls.js';
import { childPath } from './json/json-reader.js';
import {
  hasKey,
  objectReader,
  readArray,
  readBoolean,
  readChoice,
  readField,
  readInteger,
  readNormalizedList,
  type FieldReader,
  type Problems,
} from './policy-fields.js';
import {
  PERSONAL_DATA_KINDS,
  RULE_IDS,
  type ApprovalPolicy,
  type ApprovalTriggers,
  type ApproverRoute,
  type PersonalDataKind,
  type RuleId,
} from './types.js';

/** The server keeps a request at most a week (docs/approval.md); a longer wait is not an approval flow. */
export const MAX_APPROVAL_HOURS = 168;
/** The server mails at most this many approvers per request (src/server/approvals/approval-settings.ts). */
export const MAX_APPROVERS = 20;

export const DEFAULT_APPROVAL_TRIGGERS: ApprovalTriggers = Object.freeze({
  recipients: 'external',
  rules: Object.freeze([]) as readonly RuleId[],
  personalData: Object.freeze([]) as readonly PersonalDataKind[],
  attachmentsOutside: false,
  minOutsideDomains: 0,
});

export const DEFAULT_APPROVAL_HOURS = 24;

/** A sender entry: an address, an address pattern with `*`, or a domain (`@` optional) covering its subdomains. */
export function normalizeSenderPattern(entry: string): string | null {
  const text = entry.normalize('NFKC').trim();
  if (text.startsWith('@')) return toAsciiDomain(text.slice(1));
  return text.includes('@') ? normalizeAddressPattern(text) : toAsciiDomain(text);
}

const readSenders = readNormalizedList(
  { one: 'an address, a pattern or a domain', many: 'addresses, patterns or domains' },
  normalizeSenderPattern,
  (text) => ({
    message: `not an address, an address pattern or a domain: ${JSON.stringify(text)}`,
    code: 'policy.invalid-sender',
    params: { value: JSON.stringify(text) },
  }),
);

function uniqueReader<T extends string>(choices: readonly T[], what: string): FieldReader<readonly T[]> {
  return (value, path, problems) => {
    const items = readArray(value, path, problems, what, readChoice(choices));
    return items === undefined ? undefined : items.filter((item, index) => items.indexOf(item) === index);
  };
}

function checkApproverCount(addresses: readonly string[], path: string, problems: Problems): void {
  if (addresses.length > MAX_APPROVERS)
    problems.push({
      path,
      message: `at most ${MAX_APPROVERS} approvers`,
      code: 'policy.too-many-approvers',
      params: { maximum: MAX_APPROVERS },
    });
}

const readTriggers = objectReader(
  ['recipients', 'rules', 'personalData', 'attachmentsOutside', 'minOutsideDomains'],
  ' with "recipients", "rules", "personalData", "attachmentsOutside", "minOutsideDomains"',
  (record, path, problems): ApprovalTriggers => {
    const rules = readField(record, 'rules', path, problems, uniqueReader(RULE_IDS, 'rule ids'), DEFAULT_APPROVAL_TRIGGERS.rules);
    if (rules.includes('approval-required')) {
      problems.push({ path: `${path}.rules`, message: '"approval-required" cannot trigger itself', code: 'policy.approval-self-trigger' });
    }
    return {
      recipients: readField(record, 'recipients', path, problems, readChoice(CONTROL_SCOPES), DEFAULT_APPROVAL_TRIGGERS.recipients),
      rules,
      personalData: readField(
        record,
        'personalData',
        path,
        problems,
        uniqueReader(PERSONAL_DATA_KINDS, 'personal-data kinds'),
        DEFAULT_APPROVAL_TRIGGERS.personalData,
      ),
      attachmentsOutside: readField(
        record,
        'attachmentsOutside',
        path,
        problems,
        readBoolean,
        DEFAULT_APPROVAL_TRIGGERS.attachmentsOutside,
      ),
      minOutsideDomains: readField(
        record,
        'minOutsideDomains',
        path,
        problems,
        readInteger(0, 1000),
        DEFAULT_APPROVAL_TRIGGERS.minOutsideDomains,
      ),
    };
  },
);

/** A list that must hold something: absent or empty is one problem, a bad entry is the entry's own. */
function readRequiredList(
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  problems: Problems,
  read: FieldReader<readonly string[]>,
  what: string,
): readonly string[] {
  const before = problems.length;
  const items = readField(record, key, path, problems, read, []);
  if (items.length === 0 && problems.length === before)
    problems.push({ path: childPath(path, key), message: `must list at least one ${what}`, code: 'policy.empty-list' });
  return items;
}

const readRoute = objectReader(['senders', 'approvers'], ' with "senders" and "approvers"', (record, path, problems): ApproverRoute => {
  const senders = readRequiredList(record, 'senders', path, problems, readSenders, 'sender');
  const approvers = readRequiredList(record, 'approvers', path, problems, readAddresses, 'approver');
  checkApproverCount(approvers, `${path}.approvers`, problems);
  return { senders, approvers };
});

const readRoutes: FieldReader<readonly ApproverRoute[]> = (value, path, problems) => readArray(value, path, problems, 'objects', readRoute);

const readApprovalObject = objectReader(
  ['when', 'approvers', 'defaultApprovers', 'expiresHours', 'includeContent'],
  ' with "when", "approvers", "defaultApprovers", "expiresHours", "includeContent"',
  (record, path, problems): ApprovalPolicy => {
    const approvers = readField(record, 'approvers', path, problems, readRoutes, []);
    const defaultApprovers = readField(record, 'defaultApprovers', path, problems, readAddresses, []);
    checkApproverCount(defaultApprovers, `${path}.defaultApprovers`, problems);
    if (approvers.length === 0 && defaultApprovers.length === 0 && !hasKey(record, 'approvers') && !hasKey(record, 'defaultApprovers')) {
      problems.push({ path, message: 'names no approver: give "approvers", "defaultApprovers" or both', code: 'policy.no-approver' });
    }
    return {
      when: readField(record, 'when', path, problems, readTriggers, DEFAULT_APPROVAL_TRIGGERS),
      approvers,
      defaultApprovers,
      expiresHours: readField(record, 'expiresHours', path, problems, readInteger(1, MAX_APPROVAL_HOURS), DEFAULT_APPROVAL_HOURS),
      includeContent: readField(record, 'includeContent', path, problems, readBoolean, true),
    };
  },
);

/** `null` is approval switched off, written out. */
export const readApproval: FieldReader<ApprovalPolicy | null> = (value, path, problems) =>
  value === null ? null : readApprovalObject(value, path, problems);
