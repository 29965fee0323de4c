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
  type FieldReader,
  type Problems,
  quotedList,
  requireKeys,
} from './policy-fields.js';
import { foldText } from './text.js';
import type { KeywordLocation, KeywordRule } from './types.js';

export const KEYWORD_KEYS = ['term', 'action', 'where'] as const;
export const KEYWORD_ACTIONS: readonly KeywordRule['action'][] = ['warn', 'block'];
export const KEYWORD_LOCATIONS: readonly KeywordLocation[] = ['subject', 'body', 'attachment-name'];

const MAX_TERM_LENGTH = 200;

const readTerm = readNormalizedText(MAX_TERM_LENGTH);

const readLocations: FieldReader<readonly KeywordLocation[]> = (value, path, problems) => {
  const locations = readArray(value, path, problems, 'places to search', readChoice(KEYWORD_LOCATIONS));
  if (locations === undefined) return undefined;
  if (locations.length === 0) {
    const names = KEYWORD_LOCATIONS.map((where) => `"${where}"`).join(', ');
    problems.push({ path, message: `must name at least one of ${names}`, code: 'policy.empty-choice', params: { choices: names } });
    return undefined;
  }
  return KEYWORD_LOCATIONS.filter((where) => locations.includes(where));
};

const readKeyword = objectReader(KEYWORD_KEYS, ' with "term", "action" and "where"', (record, path, problems): KeywordRule => {
  requireKeys(record, ['term'], path, problems);
  const term = readField(record, 'term', path, problems, readTerm, '');
  const action = readField(record, 'action', path, problems, readChoice(KEYWORD_ACTIONS), 'warn');
  const where = readField(record, 'where', path, problems, readLocations, KEYWORD_LOCATIONS);
  return { term, action, where };
});

/** Keywords; a term listed twice (after folding) is a problem, because its findings would share an id. */
export const readKeywords: FieldReader<readonly KeywordRule[]> = (value, path, problems) => {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be an array of keyword objects', code: 'policy.expected-array' });
    return undefined;
  }
  const keywords: KeywordRule[] = [];
  const firstIndex = new Map<string, number>();
  let failed = false;
  value.forEach((item: unknown, index) => {
    const keyword = readKeyword(item, `${path}[${index}]`, problems);
    if (keyword === undefined) {
      failed = true;
      return;
    }
    keywords.push(keyword);
    const folded = foldText(keyword.term);
    const first = firstIndex.get(folded);
    if (first === undefined) {
      firstIndex.set(folded, index);
      return;
    }
    failed = true;
    problems.push({
      path: `${path}[${index}].term`,
      message: `duplicate of ${path}[${first}].term; merge the two entries`,
      code: 'policy.duplicate-keyword',
      params: { first: `${path}[${first}].term` },
    });
  });
  return failed ? undefined : keywords;
};
