// Readers for the fields of a policy document, in the policy's own words, on the JSON readers
// (src/policy/json/json-reader.ts): each takes a JSON value and its path, returns the normalised value or
// undefined, and adds one problem per bad place so an admin sees every mistake at once.
import { codePointDistance, codePointsOf } from './lookalike/edit-distance.js';
import {
  booleanReader,
  checkKeys as checkJsonKeys,
  childPath,
  choiceReader,
  hasKey,
  integerReader,
  isRecord,
  listReader,
  readMember,
  type JsonReader,
} from './json/json-reader.js';
import type { PolicyProblem } from './types.js';

export type Problems = PolicyProblem[];
/** What a policy problem says beside its path. */
type Said = Omit<PolicyProblem, 'path'>;
export type FieldReader<T> = JsonReader<T, Said>;

export { hasKey, isRecord };

/** `"a", "b", "c"`: choices and keys as the problems name them. */
export function quotedList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

function closestKey(key: string, allowed: readonly string[]): string | null {
  const points = codePointsOf(key.toLowerCase());
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = codePointDistance(points, codePointsOf(candidate.toLowerCase()), 2);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Reports `__proto__` and every key not in `allowed`: a typo must not silently fall back to a default. */
export function checkKeys(
  record: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  path: string,
  problems: Problems,
  what: 'key' | 'rule' = 'key',
): void {
  checkJsonKeys<Said>(record, allowed, path, problems, {
    forbidden: { message: 'forbidden key "__proto__"', code: 'policy.forbidden-key' },
    unknown: (key): Said => {
      const suggestion = closestKey(key, allowed);
      const message = `unknown ${what} "${key}"${suggestion === null ? '' : ` (did you mean "${suggestion}"?)`}`;
      return suggestion === null
        ? { message, code: `policy.unknown-${what}`, params: { key } }
        : { message, code: `policy.unknown-${what}-hint`, params: { key, suggestion } };
    },
  });
}

/** Reports each of `required` that the record lacks, at its own path. */
export function requireKeys(
  record: Readonly<Record<string, unknown>>,
  required: readonly string[],
  path: string,
  problems: Problems,
): void {
  for (const key of required) {
    if (!hasKey(record, key)) problems.push({ path: childPath(path, key), message: 'required', code: 'policy.required' });
  }
}

export function readArray<T>(value: unknown, path: string, problems: Problems, what: string, readItem: FieldReader<T>): T[] | undefined {
  return listReader<T, Said>({ message: `must be an array of ${what}`, code: 'policy.expected-array' }, readItem)(value, path, problems);
}

/** An array of strings each normalised by `normalize`; duplicates after normalising are dropped. */
export function readNormalizedList(
  what: { readonly one: string; readonly many: string },
  normalize: (text: string) => string | null,
  invalid: (text: string) => Omit<PolicyProblem, 'path'>,
): FieldReader<readonly string[]> {
  const readItem: FieldReader<string> = (item, path, problems) => {
    if (typeof item !== 'string') {
      problems.push({ path, message: `must be a string (${what.one})`, code: 'policy.expected-string' });
      return undefined;
    }
    const normalized = normalize(item);
    if (normalized === null) problems.push({ path, ...invalid(item) });
    return normalized ?? undefined;
  };
  return (value, path, problems) => {
    const items = readArray(value, path, problems, what.many, readItem);
    return items === undefined ? undefined : items.filter((item, index) => items.indexOf(item) === index);
  };
}

export const readBoolean: FieldReader<boolean> = booleanReader<Said>({ message: 'must be true or false', code: 'policy.expected-boolean' });

export function readChoice<T extends string>(choices: readonly T[]): FieldReader<T> {
  return choiceReader<T, Said>(choices, {
    message: `must be one of ${quotedList(choices)}`,
    code: 'policy.expected-choice',
    params: { choices: quotedList(choices) },
  });
}

export function readInteger(minimum: number, maximum: number): FieldReader<number> {
  return integerReader<Said>(minimum, maximum, {
    notInteger: {
      message: `must be a whole number from ${minimum} to ${maximum}`,
      code: 'policy.expected-integer',
      params: { minimum, maximum },
    },
    outOfRange: (value) => ({
      message: `out of range: ${value} (must be from ${minimum} to ${maximum})`,
      code: 'policy.out-of-range',
      params: { value, minimum, maximum },
    }),
  });
}

/** A non-empty string of at most `maximum` characters once NFKC-normalised and trimmed, as the rules compare it. */
export function readNormalizedText(maximum: number): FieldReader<string> {
  return (value, path, problems) => {
    const text = typeof value === 'string' ? value.normalize('NFKC').trim() : '';
    if (typeof value !== 'string' || text === '') {
      problems.push({ path, message: 'must be a non-empty string', code: 'policy.expected-non-empty-string' });
      return undefined;
    }
    if (text.length > maximum) {
      problems.push({
        path,
        message: `too long: ${text.length} characters (at most ${maximum})`,
        code: 'policy.too-long',
        params: { length: text.length, maximum },
      });
      return undefined;
    }
    return text;
  };
}

/** Reads `record[key]` with `read` when present; the default otherwise. */
export function readField<T>(
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: string,
  problems: Problems,
  read: FieldReader<T>,
  fallback: T,
): T {
  return readMember(record, key, path, problems, read) ?? fallback;
}

/** An object with exactly `keys`, read by `read`; undefined when any of its fields was bad. */
export function objectReader<T>(
  keys: readonly string[],
  description: string,
  read: (record: Readonly<Record<string, unknown>>, path: string, problems: Problems) => T,
): FieldReader<T> {
  return (value, path, problems) => {
    if (!isRecord(value)) {
      problems.push({
        path,
        message: `must be an object${description}`,
        code: 'policy.expected-object',
        params: { keys: quotedList(keys) },
      });
      return undefined;
    }
    const before = problems.length;
    checkKeys(value, keys, path, problems);
    const result = read(value, path, problems);
    return problems.length === before ? result : undefined;
  };
}
