// better-sqlite3 hands rows back as `unknown`: these say they are rows, or stop with a StoredRowError,
// instead of a cast at every query (src/server/storage/row-reader.ts reads their columns).
import { StoredRowError, type Row } from './row-reader.js';

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The row `get` found, or undefined when there was none. */
export function oneRow(value: unknown): Row | undefined {
  if (value === undefined || isRow(value)) return value;
  throw new StoredRowError('query', '*', 'a row', value);
}

/** The rows `all` found. */
export function allRows(values: unknown): Row[] {
  if (!Array.isArray(values)) throw new StoredRowError('query', '*', 'a list of rows', values);
  return values.map((value) => {
    if (isRow(value)) return value;
    throw new StoredRowError('query', '*', 'a row', value);
  });
}
