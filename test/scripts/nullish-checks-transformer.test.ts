import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { nullishChecksTransformer } from '../../scripts/nullish-checks-transformer.js';

/** `source` as the handler build compiles it: ES2016, with or without the transformer. */
function compiled(source: string, withTransformer: boolean): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2016, module: ts.ModuleKind.CommonJS },
    transformers: withTransformer ? { after: [nullishChecksTransformer] } : {},
  }).outputText;
}

/** Runs the compiled `run(value, counter)` and says what it gave and how often it read `counter.next()`. */
function outcome(code: string, value: unknown): { result: unknown; reads: number } {
  const exports: Record<string, unknown> = {};
  runInNewContext(code, { exports });
  let reads = 0;
  const counter = {
    next: () => {
      reads += 1;
      return value;
    },
  };
  const run = exports['run'] as (counter: { next: () => unknown }) => unknown;
  return { result: run(counter), reads };
}

const VALUES: readonly unknown[] = [null, undefined, 0, -0, '', false, Number.NaN, 'text', 1, {}, { b: 2 }, [], { b: null }];

const SOURCES = {
  nullish: 'export function run(c) { return c.next() ?? "fallback"; }',
  optionalMember: 'export function run(c) { return c.next()?.b; }',
  optionalCall: 'export function run(c) { const v = c.next(); return v?.toString(); }',
  chained: 'export function run(c) { return c.next()?.b ?? c.next() ?? 7; }',
  nullishAssignment: 'export function run(c) { let v = c.next(); v ??= "set"; return v; }',
};

describe('nullishChecksTransformer', () => {
  it.each(Object.entries(SOURCES))('gives the same answers and reads as TypeScript alone: %s', (_name, source) => {
    const plain = compiled(source, false);
    const loose = compiled(source, true);
    expect(plain).toMatch(/!== null|=== null/);
    expect(loose).not.toMatch(/[!=]== void 0/);
    for (const value of VALUES) expect(outcome(loose, value), String(value)).toEqual(outcome(plain, value));
  });

  it('writes one loose test where TypeScript writes two strict ones', () => {
    expect(compiled(SOURCES.nullish, true)).toContain('(_a = c.next()) != null ? _a : "fallback"');
    expect(compiled(SOURCES.optionalMember, true)).toContain('(_a = c.next()) == null ? void 0 : _a.b');
  });

  it('leaves tests of two different values, or of only one of null and undefined, as they are', () => {
    const source = [
      'export function run(a, b) {',
      '  const both = a !== null && b !== void 0;',
      '  const either = a === null || b === void 0;',
      '  const onlyNull = a !== null && a !== 0;',
      '  return [both, either, onlyNull];',
      '}',
    ].join('\n');
    const text = compiled(source, true);
    expect(text).toContain('a !== null && b !== void 0');
    expect(text).toContain('a === null || b === void 0');
    expect(text).toContain('a !== null && a !== 0');
  });
});
