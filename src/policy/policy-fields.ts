// Readers for the fields of a policy document: each takes a JSON value and its path, returns the
// normalised value or undefined, and adds one problem per bad place so an admin sees every mistake at once.
import { codePointDistance, codePointsOf } from './lookalike/edit-distance.js';
import type { PolicyProblem } from './types.js';

export type Problems = PolicyProblem[];
export type FieldReader<T> = (value: unknown, path: string, problems: Problems) => T | undefined;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `"a", "b", "c"`: choices and keys as the problems name them. */
export function quotedList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

export function hasKey(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** `$.keywords` for identifiers, `$.severities["lookalike-domain"]` otherwise, as JSONPath writes them. */
export function memberPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
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
  for (const key of Object.keys(record)) {
    if (key === '__proto__') {
      problems.push({ path: memberPath(path, key), message: 'forbidden key "__proto__"', code: 'policy.forbidden-key' });
    } else if (!allowed.includes(key)) {
      const suggestion = closestKey(key, allowed);
      const hint = suggestion === null ? '' : ` (did you mean "${suggestion}"?)`;
      const message = `unknown ${what} "${key}"${hint}`;
      problems.push(
        suggestion === null
          ? { path: memberPath(path, key), message, code: `policy.unknown-${what}`, params: { key } }
          : { path: memberPath(path, key), message, code: `policy.unknown-${what}-hint`, params: { key, suggestion } },
      );
    }
  }
}

export function readArray<T>(
  value: unknown,
  path: string,
  problems: Problems,
  what: string,
  readItem: FieldReader<T>,
): T[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ path, message: `must be an array of ${what}`, code: 'policy.expected-array' });
    return undefined;
  }
  const items: T[] = [];
  let failed = false;
  value.forEach((item: unknown, index) => {
    const read = readItem(item, `${path}[${index}]`, problems);
    if (read === undefined) failed = true;
    else items.push(read);
  });
  return failed ? undefined : items;
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

export function readBoolean(value: unknown, path: string, problems: Problems): boolean | undefined {
  if (typeof value === 'boolean') return value;
  problems.push({ path, message: 'must be true or false', code: 'policy.expected-boolean' });
  return undefined;
}

export function readChoice<T extends string>(choices: readonly T[]): FieldReader<T> {
  return (value, path, problems) => {
    const choice = choices.find((candidate) => candidate === value);
    if (choice !== undefined) return choice;
    problems.push({ path, message: `must be one of ${quotedList(choices)}`, code: 'policy.expected-choice', params: { choices: quotedList(choices) } });
    return undefined;
  };
}

export function readInteger(minimum: number, maximum: number): FieldReader<number> {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({ path, message: `must be a whole number from ${minimum} to ${maximum}`, code: 'policy.expected-integer', params: { minimum, maximum } });
      return undefined;
    }
    if (value < minimum || value > maximum) {
      problems.push({ path, message: `out of range: ${value} (must be from ${minimum} to ${maximum})`, code: 'policy.out-of-range', params: { value, minimum, maximum } });
      return undefined;
    }
    return value;
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
  if (!hasKey(record, key)) return fallback;
  return read(record[key], memberPath(path, key), problems) ?? fallback;
}

/** An object with exactly `keys`, read by `read`; undefined when any of its fields was bad. */
export function objectReader<T>(
  keys: readonly string[],
  description: string,
  read: (record: Readonly<Record<string, unknown>>, path: string, problems: Problems) => T,
): FieldReader<T> {
  return (value, path, problems) => {
    if (!isRecord(value)) {
      problems.push({ path, message: `must be an object${description}`, code: 'policy.expected-object', params: { keys: quotedList(keys) } });
      return undefined;
    }
    const before = problems.length;
    checkKeys(value, keys, path, problems);
    const result = read(value, path, problems);
    return problems.length === before ? result : undefined;
  };
}
