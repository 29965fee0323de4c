// Problems of a policy document's text that the parsed value no longer shows.
import { duplicateKeys } from './json/duplicate-keys.js';
import { parsePolicy } from './parse-policy.js';
import type { PolicyParseResult, PolicyProblem } from './types.js';

/** One problem per key written again in the same object (its first value would be dropped without a word). */
export function duplicateKeyProblems(text: string): PolicyProblem[] {
  return duplicateKeys(text).map(({ path, key }) => ({
    path,
    message: `key "${key}" is written twice; only the last value would count, so keep one`,
    code: 'policy.duplicate-key',
    params: { key },
  }));
}

/**
 * A policy document read from `text` (`document` is that text parsed): the parser's problems and the text's
 * own, so the CLI, the server and the console's editor refuse the same documents.
 */
export function parsePolicyText(text: string, document: unknown): PolicyParseResult {
  const parsed = parsePolicy(document);
  const repeated = duplicateKeyProblems(text);
  if (repeated.length === 0) return parsed;
  return { ok: false, problems: [...repeated, ...(parsed.ok ? [] : parsed.problems)] };
}
