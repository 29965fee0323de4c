import { expect } from 'vitest';
import type { ExtractionOk, ExtractionResult } from '../../../src/inspect/index.js';

export function expectOk(result: ExtractionResult): ExtractionOk {
  expect(result.status, JSON.stringify(result).slice(0, 400)).toBe('ok');
  return result as ExtractionOk;
}

/** Text of the parts whose `where` is exactly `where`, joined by newlines. */
export function textAt(result: ExtractionResult, where: string): string {
  const parts = result.status === 'encrypted' ? [] : result.parts;
  return parts
    .filter((part) => part.where === where)
    .map((part) => part.text)
    .join('\n');
}

export function allText(result: ExtractionResult): string {
  return result.status === 'encrypted' ? '' : result.parts.map((part) => part.text).join('\n');
}

export function wheres(result: ExtractionResult): string[] {
  return result.status === 'encrypted' ? [] : result.parts.map((part) => part.where);
}
