import { remembered } from '../../policy/index.js';
import { maskAfter } from '../mask.js';
import { matchAt, type Match } from '../match.js';
import type { NormalizedText } from '../normalize.js';
import { PREFECTURE_SOURCE } from './prefectures.js';

// Prefecture + municipality (市区町村郡) + a block number (docs/inspection.md, "Detectors"). Runs on NFKC text, so the Kangxi
// radicals that PDF extraction yields (千代⽥区) are ordinary ideographs here. Every quantifier is bounded
// and each block alternative starts with a greedy digit run, so backtracking stays small.

const PART = '[^\\n\\r\\t、。,;()「」<>]';
const KANJI_NUMERAL = '[一二三四五六七八九十]+';
const BLOCK = [
  `(?:[0-9]+|${KANJI_NUMERAL})丁目(?:[0-9]+(?:番地?|-)(?:[0-9]+号?)?|[0-9]+番地?)?`,
  '[0-9]+番地?(?:[0-9]+号?|-[0-9]+)?',
  '[0-9]+(?:-[0-9]+){1,3}号?',
  '[0-9]+号',
].join('|');

const ADDRESS = new RegExp(`(${PREFECTURE_SOURCE}${PART}{1,8}?[市区町村郡])${PART}{0,20}?(?:${BLOCK})`, 'g');

/**
 * maskAfter(head), one string per head: a sheet's half a million addresses name a few municipalities, and
 * a string of its own for each match (the head copied, then joined to the mask) was half of what its
 * matches kept alive, which the collector copied along (docs/benchmarks.md).
 */
const maskedHead = remembered(maskAfter, 256);

/** A Japanese street address; the prefecture and municipality stay visible in the masked sample. */
export function detectAddresses(input: NormalizedText): Match[] {
  const matches: Match[] = [];
  ADDRESS.lastIndex = 0;
  let found = ADDRESS.exec(input.text);
  while (found) {
    const start = found.index;
    matches.push(matchAt(input, 'address', start, start + found[0].length, maskedHead(found[1] ?? ''), 'high'));
    found = ADDRESS.exec(input.text);
  }
  return matches;
}
