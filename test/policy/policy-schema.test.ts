// config/policy.schema.json is what editors validate against; the parser is what Preflight obeys.
// These tests keep the two describing the same document.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KEYWORD_ACTIONS, KEYWORD_KEYS, KEYWORD_LOCATIONS } from '../../src/policy/parse-keywords.js';
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
import { PERSONAL_DATA_KINDS } from '../../src/policy/types.js';

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
