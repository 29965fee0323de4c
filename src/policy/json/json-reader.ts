// Typed readers for parsed JSON that collect every problem, each at its JSONPath, instead of stopping at
// the first: an administrator fixing a policy, or someone fixing a CLI snapshot, sees every mistake at once.
// What a problem says is the caller's (`D`: the policy's English text, the CLI's string-table key), so the
// readers decide only where a problem is and when there is one.

export const ROOT_PATH = '$';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.to[1].address` for identifiers and indexes, `$.severities["lookalike-domain"]` otherwise, as JSONPath writes them. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

export type JsonRecord = Readonly<Record<string, unknown>>;

/** A plain object, as JSON.parse makes them: not an array, not null, not a class instance. */
export function isRecord(value: unknown): value is JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An own key: `toString` or `constructor` in a document is a key like any other, not the prototype's. */
export function hasKey(record: JsonRecord, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** One problem at one place; `D` is what the caller says about it, e.g. `{ message: 'must be true or false' }`. */
export type JsonProblem<D> = { readonly path: string } & D;

/** A reader's result, or undefined after it added at least one problem for `path`. */
export type JsonReader<T, D> = (value: unknown, path: string, problems: JsonProblem<D>[]) => T | undefined;

/** Adds a problem; returns undefined so a reader can `return report(...)`. */
export function report<D extends object>(problems: JsonProblem<D>[], path: string, detail: D): undefined {
  problems.push({ path, ...detail });
  return undefined;
}

export interface KeyProblems<D> {
  /** `__proto__`, which would set a prototype when the value is spread or assigned. */
  readonly forbidden: D;
  readonly unknown: (key: string) => D;
}

/** Reports `__proto__` and every key not in `allowed`: a misspelt key must not silently fall back to a default. */
export function checkKeys<D extends object>(
  record: JsonRecord,
  allowed: readonly string[],
  path: string,
  problems: JsonProblem<D>[],
  details: KeyProblems<D>,
): void {
  for (const key of Object.keys(record)) {
    if (key === '__proto__') report(problems, childPath(path, key), details.forbidden);
    else if (!allowed.includes(key)) report(problems, childPath(path, key), details.unknown(key));
  }
}

export function recordReader<D extends object>(notRecord: D): JsonReader<JsonRecord, D> {
  return (value, path, problems) => (isRecord(value) ? value : report(problems, path, notRecord));
}

/** Every item read at `path[index]`; undefined when the value is no array or any item was bad. */
export function listReader<T, D extends object>(notList: D, readItem: JsonReader<T, D>): JsonReader<T[], D> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return report(problems, path, notList);
    const items: T[] = [];
    let failed = false;
    value.forEach((item: unknown, index) => {
      const read = readItem(item, childPath(path, index), problems);
      if (read === undefined) failed = true;
      else items.push(read);
    });
    return failed ? undefined : items;
  };
}

export function stringReader<D extends object>(notString: D): JsonReader<string, D> {
  return (value, path, problems) => (typeof value === 'string' ? value : report(problems, path, notString));
}

export function booleanReader<D extends object>(notBoolean: D): JsonReader<boolean, D> {
  return (value, path, problems) => (typeof value === 'boolean' ? value : report(problems, path, notBoolean));
}

export function choiceReader<T extends string, D extends object>(choices: readonly T[], notChoice: D): JsonReader<T, D> {
  return (value, path, problems) => choices.find((choice) => choice === value) ?? report(problems, path, notChoice);
}

export interface IntegerProblems<D> {
  readonly notInteger: D;
  readonly outOfRange: (value: number) => D;
}

/** A whole number from `minimum` to `maximum`; a fraction, a string or NaN is `notInteger`. */
export function integerReader<D extends object>(minimum: number, maximum: number, details: IntegerProblems<D>): JsonReader<number, D> {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return report(problems, path, details.notInteger);
    if (value < minimum || value > maximum) return report(problems, path, details.outOfRange(value));
    return value;
  };
}

/** `record[key]` read by `read` at its path; undefined, with no problem, when the key is absent. */
export function readMember<T, D extends object>(
  record: JsonRecord,
  key: string,
  path: string,
  problems: JsonProblem<D>[],
  read: JsonReader<T, D>,
): T | undefined {
  return hasKey(record, key) ? read(record[key], childPath(path, key), problems) : undefined;
}

/** As readMember, with the problem `missing` when the key is absent. */
export function readRequired<T, D extends object>(
  record: JsonRecord,
  key: string,
  path: string,
  problems: JsonProblem<D>[],
  read: JsonReader<T, D>,
  missing: D,
): T | undefined {
  if (!hasKey(record, key)) return report(problems, childPath(path, key), missing);
  return read(record[key], childPath(path, key), problems);
}
