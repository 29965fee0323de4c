import type { Detector, Match } from '../../src/inspect/index.js';
import { normalizeWithMap } from '../../src/inspect/index.js';

/** A match as tests compare it: the original text it covers, and its confidence. */
export interface Found {
  readonly text: string;
  readonly confidence: Match['confidence'];
}

export function found(detector: Detector, text: string): Found[] {
  return detector(normalizeWithMap(text)).map((match) => ({
    text: text.slice(match.start, match.end),
    confidence: match.confidence,
  }));
}

/** Every dash that must read as a hyphen between digits. */
export const DASH_VARIANTS: readonly string[] = [
  '-',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\u2043',
  '\uFE58',
  '\uFE63',
  '\uFF0D',
  '\u30FC',
  '\uFF70',
];

export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z@.\-]/g, (character) =>
    character === '-' ? '\uFF0D' : String.fromCharCode(character.charCodeAt(0) + 0xfee0),
  );
}
