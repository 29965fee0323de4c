// The checks every answer parser makes on what came over the wire, on the JSON readers
// (src/policy/json/json-reader.ts). An answer is all or nothing: a parser gives null, never a partial answer.
import { isRecord, type JsonRecord } from '../policy/index.js';

export type Fields = JsonRecord;

/** A JSON object's fields, or null for anything else (arrays included). */
export function fieldsOf(value: unknown): Fields | null {
  return isRecord(value) ? value : null;
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** A whole number of bytes, downloads or the like. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A timestamp the server wrote (ISO 8601). */
export function instant(value: unknown): value is string {
  return isText(value) && !Number.isNaN(Date.parse(value));
}

/** A list of objects, each read by `read`; null when it is not a list or any item is unreadable. */
export function listOf<T>(value: unknown, read: (item: Fields) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const items: T[] = [];
  for (const item of value) {
    const fields = fieldsOf(item);
    const parsed = fields === null ? null : read(fields);
    if (parsed === null) return null;
    items.push(parsed);
  }
  return items;
}

/** A list of strings (empty ones allowed: a Cc line may hold nothing useful, but it is still a list). */
export function textsOf(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item): item is string => typeof item === 'string') ? value : null;
}
