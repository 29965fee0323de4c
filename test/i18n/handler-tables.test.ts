import { describe, expect, it } from 'vitest';
import { asciiJson, compressedTablesModule } from '../../scripts/compressed-tables-loader.js';
import { handlerTables } from '../../src/i18n/handler-tables.js';
import { inflateText } from '../../src/policy/lookalike/inflate.js';

describe('the handler build’s compressed string tables', () => {
  const written = compressedTablesModule(handlerTables(), '/src/policy/lookalike/inflate.ts');
  const literal = (name: string): string => new RegExp(`^const ${name} = '(.*)';$`, 'm').exec(written)?.[1] ?? '';

  it('unpack to the very tables of src/i18n, both languages', () => {
    const unpacked: unknown = JSON.parse(inflateText(literal('PACKED'), literal('DIGITS')));
    expect(unpacked).toEqual(handlerTables());
    expect(Object.keys(handlerTables().ja).length).toBeGreaterThan(50);
  });

  it('are a fraction of the tables’ size', () => {
    expect(literal('PACKED').length * 3).toBeLessThan(Buffer.byteLength(JSON.stringify(handlerTables())));
  });

  it('write JSON in ASCII, with the other characters escaped', () => {
    expect(asciiJson({ ja: '送信 “ok”' })).toBe('{"ja":"\\u9001\\u4fe1 \\u201cok\\u201d"}');
    expect(JSON.parse(asciiJson({ ja: '送信 “ok”' }))).toEqual({ ja: '送信 “ok”' });
  });
});
