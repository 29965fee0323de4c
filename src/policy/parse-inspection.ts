// Readers for the content-inspection keys: personalData, encryptedAttachments, uninspectableAttachments, partners.
import { toAsciiDomain } from './domain.js';
import { childPath } from './json/json-reader.js';
import {
  checkKeys,
  hasKey,
  isRecord,
  objectReader,
  readArray,
  readChoice,
  readField,
  readNormalizedText,
  readInteger,
  readNormalizedList,
  type FieldReader,
  type Problems,
  quotedList,
  requireKeys,
} from './policy-fields.js';
import { foldText } from './text.js';
import {
  PERSONAL_DATA_KINDS,
  type AttachmentAction,
  type Partner,
  type PersonalDataKind,
  type PersonalDataThreshold,
  type RecipientClass,
  type Severity,
} from './types.js';

export const PERSONAL_DATA_KEYS = ['kind', 'recipients', 'atLeast', 'action', 'confidence'] as const;
export const RECIPIENT_CLASSES: readonly RecipientClass[] = ['external', 'internal', 'any'];
export const THRESHOLD_ACTIONS: readonly Severity[] = ['info', 'confirm', 'block'];
export const THRESHOLD_CONFIDENCES: readonly PersonalDataThreshold['confidence'][] = ['high', 'any'];
export const ATTACHMENT_ACTIONS: readonly AttachmentAction[] = ['allow', 'info', 'confirm', 'block'];
export const PARTNER_KEYS = ['name', 'aliases', 'domains'] as const;
export const MAX_THRESHOLD = 100_000;
const MAX_NAME_LENGTH = 200;

function externalThreshold(kind: PersonalDataKind, atLeast: number, action: Severity): PersonalDataThreshold {
  return Object.freeze({ kind, recipients: 'external', atLeast, action, confidence: 'high' });
}

/**
 * Japanese-enterprise defaults, for mail with any external recipient (internal mail has none):
 * - My Number: the My Number Act (番号法 §19) forbids providing it outside the listed cases, so one blocks.
 * - Payment cards: PCI DSS v4 4.2.2 forbids card numbers in end-user messaging without strong
 *   cryptography, and the Installment Sales Act (割賦販売法, 2018) makes merchants protect them, so one blocks.
 *   A high-confidence card is printed 4-4-4-4 or named as a card, which keeps false blocks rare.
 * - Bank accounts: one is the usual 振込先 on an invoice; five or more looks like a payroll or customer list.
 * - E-mail addresses, phone numbers, addresses: a signature holds one or two; ten is a list.
 * Corporate numbers are published by the NTA and postal codes come with addresses, so neither is counted.
 */
export const DEFAULT_PERSONAL_DATA: readonly PersonalDataThreshold[] = Object.freeze([
  externalThreshold('my-number', 1, 'block'),
  externalThreshold('payment-card', 1, 'block'),
  externalThreshold('bank-account', 5, 'confirm'),
  externalThreshold('email', 10, 'confirm'),
  externalThreshold('phone', 10, 'confirm'),
  externalThreshold('address', 10, 'confirm'),
]);

const readThreshold = objectReader(
  PERSONAL_DATA_KEYS,
  ' with "kind", "atLeast" and optionally "recipients", "action", "confidence"',
  (record, path, problems): PersonalDataThreshold => {
    requireKeys(record, ['kind', 'atLeast'], path, problems);
    return {
      kind: readField(record, 'kind', path, problems, readChoice(PERSONAL_DATA_KINDS), 'my-number'),
      recipients: readField(record, 'recipients', path, problems, readChoice(RECIPIENT_CLASSES), 'external'),
      atLeast: readField(record, 'atLeast', path, problems, readInteger(1, MAX_THRESHOLD), 1),
      action: readField(record, 'action', path, problems, readChoice(THRESHOLD_ACTIONS), 'confirm'),
      confidence: readField(record, 'confidence', path, problems, readChoice(THRESHOLD_CONFIDENCES), 'high'),
    };
  },
);

/** Thresholds; the same kind, recipients, atLeast and confidence twice is a problem (which action would win?). */
export const readPersonalData: FieldReader<readonly PersonalDataThreshold[]> = (value, path, problems) => {
  const entries = readArray(value, path, problems, 'threshold objects', readThreshold);
  if (entries === undefined) return undefined;
  const firstIndex = new Map<string, number>();
  let failed = false;
  entries.forEach((entry, index) => {
    const key = [entry.kind, entry.recipients, entry.atLeast, entry.confidence].join('\u0000');
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    failed = true;
    problems.push({
      path: `${path}[${index}]`,
      message: `duplicate of ${path}[${first}]; keep one of the two`,
      code: 'policy.duplicate',
      params: { first: `${path}[${first}]` },
    });
  });
  return failed ? undefined : entries;
};

export const readAttachmentAction: FieldReader<AttachmentAction> = readChoice(ATTACHMENT_ACTIONS);

const readName = readNormalizedText(MAX_NAME_LENGTH);

const readAliases: FieldReader<readonly string[]> = (value, path, problems) => readArray(value, path, problems, 'names', readName);

const readPartnerDomains = readNormalizedList({ one: 'a domain name', many: 'domain names' }, toAsciiDomain, (text) => ({
  message: `not a valid domain: ${JSON.stringify(text)}`,
  code: 'policy.invalid-domain',
  params: { value: JSON.stringify(text) },
}));

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

const readPartner = objectReader(PARTNER_KEYS, ' with "name", "domains" and optionally "aliases"', (record, path, problems): Partner => {
  requireKeys(record, ['name', 'domains'], path, problems);
  const name = readField(record, 'name', path, problems, readName, '');
  const aliases = readField(record, 'aliases', path, problems, readAliases, []);
  const domains = readField(record, 'domains', path, problems, readPartnerDomains, []);
  if (hasKey(record, 'domains') && isEmptyArray(record['domains'])) {
    problems.push({ path: childPath(path, 'domains'), message: 'must name at least one domain', code: 'policy.empty-list' });
  }
  return { name, aliases, domains };
});

/** Partners; a name written twice (after folding, aliases included) is a problem: it would name both. */
export const readPartners: FieldReader<readonly Partner[]> = (value, path, problems) => {
  const partners = readArray(value, path, problems, 'partner objects', readPartner);
  if (partners === undefined) return undefined;
  const owner = new Map<string, number>();
  let failed = false;
  partners.forEach((partner, index) => {
    for (const name of [partner.name, ...partner.aliases]) {
      const folded = foldText(name);
      const first = owner.get(folded);
      if (first === undefined) owner.set(folded, index);
      else if (first !== index) {
        failed = true;
        problems.push({
          path: `${path}[${index}]`,
          message: `"${name}" also names ${path}[${first}]`,
          code: 'policy.partner-name-taken',
          params: { name, first: `${path}[${first}]` },
        });
      }
    }
  });
  return failed ? undefined : partners;
};
