// Problems of a policy document's text that the parsed value no longer shows.
import { duplicateKeys } from './json/duplicate-keys.js';
import type { PolicyProblem } from './types.js';

/** One problem per key written again in the same object (its first value would be dropped without a word). */
export function duplicateKeyProblems(text: string): PolicyProblem[] {
  return duplicateKeys(text).map(({ path, key }) => ({
    path,
    message: `key "${key}" is written twice; only the last value would count, so keep one`,
    code: 'policy.duplicate-key',
    params: { key },
  }));
}
