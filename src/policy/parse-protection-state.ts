// The protection record read back from sessionData (`preflight.protection`) is input like any other: anything
// that does not look exactly like one is refused, and the caller then counts nothing as protected, so a
// stale or tampered record can only make the check ask more, never less.
import { parseAttachmentInspection } from './parse-inspection-summary.js';
import { hasKey, isRecord } from './policy-fields.js';
import { isZipMethod, type ProtectedLink, type ProtectedZip, type ProtectionState } from './types.js';

const MAX_LIST = 1000;

type JsonObject = Readonly<Record<string, unknown>>;

function hasOnly(value: JsonObject, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key)) && keys.every((key) => hasKey(value, key));
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function listOf<T>(value: unknown, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length > MAX_LIST) return null;
  const items: T[] = [];
  for (const item of value) {
    const parsed = read(item);
    if (parsed === null) return null;
    items.push(parsed);
  }
  return items;
}

function readZip(value: unknown): ProtectedZip | null {
  if (!isRecord(value)) return null;
  const withInspection = hasKey(value, 'inspection');
  if (!hasOnly(value, withInspection ? ['name', 'size', 'method', 'inspection'] : ['name', 'size', 'method'])) return null;
  const { name, size, method } = value;
  if (typeof name !== 'string' || name === '' || !isCount(size) || !isZipMethod(method)) return null;
  if (!withInspection) return { name, size, method };
  const inspection = parseAttachmentInspection(value['inspection']);
  return inspection === null ? null : { name, size, method, inspection };
}

function readLink(value: unknown): ProtectedLink | null {
  if (!isRecord(value) || !hasOnly(value, ['packageId', 'files'])) return null;
  const { packageId, files } = value;
  if (typeof packageId !== 'string' || packageId === '' || !isCount(files)) return null;
  return { packageId, files };
}

/** The state, or null when `value` is not one (then nothing counts as protected). */
export function parseProtectionState(value: unknown): ProtectionState | null {
  if (!isRecord(value) || !hasOnly(value, ['zips', 'links'])) return null;
  const zips = listOf(value['zips'], readZip);
  const links = listOf(value['links'], readLink);
  return zips === null || links === null ? null : { zips, links };
}
