// Message keys are types derived from the string tables, so a key the tables lack fails `npm run typecheck`.
// Each `@ts-expect-error` below is itself a check: when the line stops being an error (the key types
// widen back to `string`), the compiler reports the unused directive and the type check fails.
import { describe, expect, it } from 'vitest';
import { isStringKey, STRINGS, type StringKey } from '../../src/i18n/strings.js';
import type { TablePair } from '../../src/i18n/template.js';
import { translate } from '../../src/i18n/translate.js';
import { makeFinding } from '../../src/policy/rules/rule.js';
import type { Finding, FindingKey } from '../../src/policy/index.js';

const english = { 'sample.one': 'One', 'sample.two': 'Two' } as const;

describe('typed message keys', () => {
  it('refuses, at compile time, a Japanese table that misses a key or has one English lacks', () => {
    // @ts-expect-error 'sample.two' is missing from ja
    const missing: TablePair<typeof english> = { en: english, ja: { 'sample.one': '一' } };
    // @ts-expect-error 'sample.three' is not an English key
    const extra: TablePair<typeof english> = { en: english, ja: { 'sample.one': '一', 'sample.two': '二', 'sample.three': '三' } };
    const exact: TablePair<typeof english> = { en: english, ja: { 'sample.one': '一', 'sample.two': '二' } };
    expect([missing.ja, extra.ja, exact.ja].map((table) => Object.keys(table).length)).toEqual([1, 3, 2]);
  });

  it('refuses, at compile time, a finding or a translation naming a key the tables lack', () => {
    // @ts-expect-error no such finding message
    const unknownFinding = makeFinding('keyword', 'subject:x', 'confirm', [], 'finding.keyword', { term: 'x' });
    // @ts-expect-error a finding message must be a finding key, not any string-table key
    const paneKeyFinding: Finding = { ...unknownFinding, messageKey: 'pane.status.block' };
    // @ts-expect-error no such key in any table
    const unknownText = translate('en', 'finding.no-such-message');
    expect([unknownFinding.messageKey, paneKeyFinding.messageKey, unknownText]).toEqual([
      'finding.keyword',
      'pane.status.block',
      'finding.no-such-message',
    ]);
  });

  it('has every finding key in the tables, and Japanese with exactly the English keys', () => {
    const findingKey: FindingKey = 'finding.keyword.subject';
    const asStringKey: StringKey = findingKey;
    expect(isStringKey(asStringKey)).toBe(true);
    expect(isStringKey('finding.keyword')).toBe(false);
    expect(Object.keys(STRINGS.ja).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });
});
