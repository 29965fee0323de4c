// config/policy.schema.json is what editors validate against; the parser is what Preflight obeys.
// These tests keep the two describing the same document.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KEYWORD_ACTIONS, KEYWORD_KEYS, KEYWORD_LOCATIONS } from '../../src/policy/parse-keywords.js';
import { DEFAULT_DIALOG_CONFIRM, NEVER_DIALOG_RULES } from '../../src/policy/parse-send-moment.js';
import {
  ATTACHMENT_ACTIONS,
  MAX_THRESHOLD,
  PARTNER_KEYS,
  PERSONAL_DATA_KEYS,
  RECIPIENT_CLASSES,
  THRESHOLD_CONFIDENCES,
} from '../../src/policy/parse-inspection.js';
import {
  DEFAULT_POLICY,
  MAX_BCC_SUGGEST_THRESHOLD,
  POLICY_KEYS,
  SEVERITIES,
  SEVERITY_RULE_IDS,
  parsePolicy,
} from '../../src/policy/parse-policy.js';
import {
  ATTACHMENTS_KEYS,
  LINK_KEYS,
  PROTECTION_KEYS,
  PROTECTION_LIMITS,
  PROTECTION_MODES,
  UNPROTECTED_ACTIONS,
  ZIP_KEYS,
} from '../../src/policy/parse-protection.js';
import { AUDIT_DOMAINS, MAX_AUDIT_RETENTION_DAYS } from '../../src/policy/parse-audit.js';
import { MAILING_LIST_KEYS, UNKNOWN_LISTS } from '../../src/policy/parse-mailing-lists.js';
import { DEFAULT_APPROVAL_HOURS, DEFAULT_APPROVAL_TRIGGERS, MAX_APPROVAL_HOURS } from '../../src/policy/parse-approval.js';
import { PERSONAL_DATA_KINDS, RULE_IDS } from '../../src/policy/types.js';

interface SchemaNode {
  readonly properties?: Record<string, SchemaNode>;
  readonly items?: SchemaNode;
  readonly enum?: readonly string[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly additionalProperties?: boolean;
  readonly required?: readonly string[];
  readonly minItems?: number;
  readonly $ref?: string;
  readonly not?: { readonly pattern?: string };
  readonly $defs?: Record<string, SchemaNode>;
}

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));
}

const schema = readJson('../../config/policy.schema.json') as SchemaNode & { $schema: string };
const properties = schema.properties ?? {};

function property(name: string): SchemaNode {
  const node = properties[name];
  if (node === undefined) throw new Error(`schema has no property ${name}`);
  return node;
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('schema and parser describe the same document', () => {
  test('draft 2020-12, closed at every level', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(property('severities').additionalProperties).toBe(false);
    expect(property('keywords').items?.additionalProperties).toBe(false);
  });

  test('top-level keys', () => {
    expect(sorted(Object.keys(properties))).toEqual(sorted(POLICY_KEYS));
  });

  test('severity keys are the rules configured there and values the severities', () => {
    expect(sorted(Object.keys(property('severities').properties ?? {}))).toEqual(sorted(SEVERITY_RULE_IDS));
    expect(schema.$defs?.severity?.enum).toEqual(SEVERITIES);
  });

  test('severity defaults are the parser defaults', () => {
    const defaults = Object.fromEntries(
      Object.entries(property('severities').properties ?? {}).map(([rule, node]) => [rule, node.default]),
    );
    expect(defaults).toEqual(DEFAULT_POLICY.severities);
  });

  test('keyword objects', () => {
    const item = property('keywords').items ?? {};
    expect(sorted(Object.keys(item.properties ?? {}))).toEqual(sorted(KEYWORD_KEYS));
    expect(item.required).toEqual(['term']);
    expect(item.properties?.action?.enum).toEqual(KEYWORD_ACTIONS);
    expect(item.properties?.where?.items?.enum).toEqual(KEYWORD_LOCATIONS);
    expect(item.properties?.where?.default).toEqual(KEYWORD_LOCATIONS);
  });

  test('personal-data thresholds', () => {
    const node = property('personalData');
    const item = node.items ?? {};
    expect(item.additionalProperties).toBe(false);
    expect(sorted(Object.keys(item.properties ?? {}))).toEqual(sorted(PERSONAL_DATA_KEYS));
    expect(item.required).toEqual(['kind', 'atLeast']);
    expect(item.properties?.kind?.enum).toEqual(PERSONAL_DATA_KINDS);
    expect(item.properties?.recipients).toMatchObject({ enum: RECIPIENT_CLASSES, default: 'external' });
    expect(item.properties?.atLeast).toMatchObject({ minimum: 1, maximum: MAX_THRESHOLD });
    expect(item.properties?.action).toMatchObject({ $ref: '#/$defs/severity', default: 'confirm' });
    expect(item.properties?.confidence).toMatchObject({ enum: THRESHOLD_CONFIDENCES, default: 'high' });
    expect(node.default).toEqual(DEFAULT_POLICY.personalData);
  });

  test('attachment actions and partners', () => {
    expect(schema.$defs?.attachmentAction?.enum).toEqual(ATTACHMENT_ACTIONS);
    expect(property('encryptedAttachments').default).toBe(DEFAULT_POLICY.encryptedAttachments);
    expect(property('uninspectableAttachments').default).toBe(DEFAULT_POLICY.uninspectableAttachments);
    const partner = property('partners').items ?? {};
    expect(partner.additionalProperties).toBe(false);
    expect(sorted(Object.keys(partner.properties ?? {}))).toEqual(sorted(PARTNER_KEYS));
    expect(partner.required).toEqual(['name', 'domains']);
    expect(partner.properties?.domains).toMatchObject({ $ref: '#/$defs/domainList', minItems: 1 });
    expect(property('partners').default).toEqual(DEFAULT_POLICY.partners);
  });

  test('attachment protection', () => {
    const attachments = property('attachments');
    expect(attachments.additionalProperties).toBe(false);
    expect(sorted(Object.keys(attachments.properties ?? {}))).toEqual(sorted(ATTACHMENTS_KEYS));
    const protection = attachments.properties?.protection ?? {};
    const fields = protection.properties ?? {};
    const defaults = DEFAULT_POLICY.attachments.protection;
    expect(protection.additionalProperties).toBe(false);
    expect(sorted(Object.keys(fields))).toEqual(sorted(PROTECTION_KEYS));
    expect(schema.$defs?.protectionMode?.enum).toEqual(PROTECTION_MODES);
    expect(fields.internal).toMatchObject({ $ref: '#/$defs/protectionMode', default: defaults.internal });
    expect(fields.external).toMatchObject({ $ref: '#/$defs/protectionMode', default: defaults.external });
    expect(schema.$defs?.severity?.enum).toEqual(UNPROTECTED_ACTIONS);
    expect(fields.onUnprotected).toMatchObject({ $ref: '#/$defs/severity', default: defaults.onUnprotected });
    expect(fields.allowZipCrypto?.default).toBe(defaults.allowZipCrypto);
    const zip = fields.zip ?? {};
    expect(zip.additionalProperties).toBe(false);
    expect(sorted(Object.keys(zip.properties ?? {}))).toEqual(sorted(ZIP_KEYS));
    expect(zip.properties?.maxTotalBytes).toMatchObject({
      ...PROTECTION_LIMITS.zipMaxTotalBytes,
      default: defaults.zip.maxTotalBytes,
    });
    const link = fields.link ?? {};
    expect(link.additionalProperties).toBe(false);
    expect(sorted(Object.keys(link.properties ?? {}))).toEqual(sorted(LINK_KEYS));
    expect(link.properties?.maxTotalBytes).toMatchObject({
      ...PROTECTION_LIMITS.linkMaxTotalBytes,
      default: defaults.link.maxTotalBytes,
    });
    expect(link.properties?.expiryDays).toMatchObject({ ...PROTECTION_LIMITS.expiryDays, default: defaults.link.expiryDays });
    expect(link.properties?.maxDownloads).toMatchObject({
      ...PROTECTION_LIMITS.maxDownloads,
      default: defaults.link.maxDownloads,
    });
    expect(link.properties?.requireCode?.default).toBe(defaults.link.requireCode);
  });

  test('scalar defaults and ranges', () => {
    expect(property('bccSuggestThreshold')).toMatchObject({
      default: DEFAULT_POLICY.bccSuggestThreshold,
      minimum: 0,
      maximum: MAX_BCC_SUGGEST_THRESHOLD,
    });
    expect(property('confirmInternalOnly').default).toBe(DEFAULT_POLICY.confirmInternalOnly);
    expect(property('onError')).toMatchObject({ default: DEFAULT_POLICY.onError, enum: ['block', 'allow'] });
    expect(property('version').default).toBe(DEFAULT_POLICY.version);
  });

  test('mailing lists', () => {
    const entry = property('mailingLists').items as SchemaNode & { oneOf?: SchemaNode[] };
    const object = entry.oneOf?.find((node) => node.properties !== undefined);
    expect(sorted(Object.keys(object?.properties ?? {}))).toEqual(sorted(MAILING_LIST_KEYS));
    expect(object?.required).toEqual([...MAILING_LIST_KEYS]);
    expect(object?.additionalProperties).toBe(false);
    expect(object?.properties?.externalDomains?.minItems).toBe(1);
    expect(property('unknownLists')).toMatchObject({ enum: UNKNOWN_LISTS, default: DEFAULT_POLICY.unknownLists });
  });

  test('approval', () => {
    const approval = property('approval');
    expect(approval.default).toBe(DEFAULT_POLICY.approval);
    expect(sorted(Object.keys(approval.properties ?? {}))).toEqual(
      sorted(['when', 'approvers', 'defaultApprovers', 'expiresHours', 'includeContent']),
    );
    const when = approval.properties?.when?.properties ?? {};
    expect(sorted(Object.keys(when))).toEqual(sorted(Object.keys(DEFAULT_APPROVAL_TRIGGERS)));
    for (const [key, node] of Object.entries(when))
      expect(node.default, key).toEqual(DEFAULT_APPROVAL_TRIGGERS[key as keyof typeof DEFAULT_APPROVAL_TRIGGERS]);
    expect(when.rules?.items?.enum).toEqual(RULE_IDS.filter((rule) => rule !== 'approval-required'));
    expect(when.personalData?.items?.enum).toEqual(PERSONAL_DATA_KINDS);
    expect(approval.properties?.expiresHours).toMatchObject({ minimum: 1, maximum: MAX_APPROVAL_HOURS, default: DEFAULT_APPROVAL_HOURS });
    expect(approval.properties?.approvers?.items?.required).toEqual(['senders', 'approvers']);
  });

  test('dialogConfirm names every rule but those always confirmed in the pane', () => {
    const rules = property('dialogConfirm').properties?.rules;
    expect(rules?.default).toEqual(DEFAULT_DIALOG_CONFIRM.rules);
    expect(rules?.items?.enum).toEqual(RULE_IDS.filter((rule) => !NEVER_DIALOG_RULES.includes(rule)));
  });

  test('audit', () => {
    const audit = property('audit');
    expect(audit.default).toEqual(DEFAULT_POLICY.audit);
    expect(audit.properties?.domains).toMatchObject({ enum: AUDIT_DOMAINS, default: DEFAULT_POLICY.audit.domains });
    expect(audit.properties?.retentionDays).toMatchObject({
      minimum: 1,
      maximum: MAX_AUDIT_RETENTION_DAYS,
      default: DEFAULT_POLICY.audit.retentionDays,
    });
  });

  test('the four recipient lists take one entry syntax, refusing a wildcard in the last label as the parser does', () => {
    for (const key of ['internalDomains', 'trustedDomains', 'blockedRecipients', 'attentionRecipients'])
      expect(property(key).$ref, key).toBe('#/$defs/recipientList');
    const refused = new RegExp(schema.$defs?.recipientList?.items?.not?.pattern ?? '$^', 'u');
    const entries = [
      'example.com',
      '@example.com',
      'tanaka@example.com',
      '*.example.com',
      '?.example.net',
      '*unsafe@example.com',
      'xx@*example.com',
      '@',
      '-xx@example.com',
      '-*.sub.example.com',
      '# why * is here',
      'example.*',
      '*@example.*',
      'xx@example.c?m',
      '-example.*',
    ];
    for (const entry of entries) {
      const parsed = parsePolicy({ trustedDomains: [entry] });
      const lastLabel = !parsed.ok && parsed.problems.some((problem) => problem.code === 'policy.invalid-recipient-last-label');
      expect({ entry, refused: refused.test(entry) }).toEqual({ entry, refused: lastLabel });
    }
  });

  test('every $ref points at a definition', () => {
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/\$defs\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.slice(ref.lastIndexOf('/') + 1, -1);
      expect(schema.$defs?.[name], ref).toBeDefined();
    }
  });
});

describe('config/policy.json', () => {
  const document = readJson('../../config/policy.json');

  test('is a valid policy', () => {
    expect(parsePolicy(document)).toMatchObject({ ok: true });
  });

  test('names the schema so editors can check it', () => {
    expect(document).toMatchObject({ $schema: './policy.schema.json', version: 1 });
  });
});
