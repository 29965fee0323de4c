// Reads a database row's columns with checks, for both stores: SQLite gives integers as numbers and flags
// as 0/1, PostgreSQL gives BIGINT as text (we ask for numbers, see postgres-meta-store.ts) and booleans
// as booleans. A column of the wrong type is a broken database, named by table and column, never a
// silently wrong value.
export type Row = Readonly<Record<string, unknown>>;

export class StoredRowError extends Error {
  constructor(table: string, column: string, expected: string, value: unknown) {
    super(`${table}.${column}: expected ${expected}, found ${value === null ? 'null' : typeof value}`);
    this.name = 'StoredRowError';
  }
}

export interface RowReader {
  text(column: string): string;
  textOrNull(column: string): string | null;
  number(column: string): number;
  numberOrNull(column: string): number | null;
  bytes(column: string): Buffer;
  bytesOrNull(column: string): Buffer | null;
  flag(column: string): boolean;
  /** A JSON column: text in SQLite, already parsed from JSONB in PostgreSQL. */
  json(column: string): unknown;
  /** A text column that must be one of `choices`. */
  choice<T extends string>(column: string, choices: readonly T[]): T;
}

export function rowReader(table: string, row: Row): RowReader {
  const fail = (column: string, expected: string): never => {
    throw new StoredRowError(table, column, expected, row[column]);
  };
  const reader: RowReader = {
    text: (column) => {
      const value = row[column];
      return typeof value === 'string' ? value : fail(column, 'text');
    },
    textOrNull: (column) => (row[column] === null || row[column] === undefined ? null : reader.text(column)),
    number: (column) => {
      const value = row[column];
      return typeof value === 'number' && Number.isFinite(value) ? value : fail(column, 'a number');
    },
    numberOrNull: (column) => (row[column] === null || row[column] === undefined ? null : reader.number(column)),
    bytes: (column) => {
      const value = row[column];
      return Buffer.isBuffer(value) ? value : value instanceof Uint8Array ? Buffer.from(value) : fail(column, 'bytes');
    },
    bytesOrNull: (column) => (row[column] === null || row[column] === undefined ? null : reader.bytes(column)),
    flag: (column) => {
      const value = row[column];
      if (value === true || value === 1) return true;
      if (value === false || value === 0) return false;
      return fail(column, 'a flag');
    },
    json: (column) => {
      const value = row[column];
      if (typeof value !== 'string') return value === undefined ? fail(column, 'JSON') : value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return fail(column, 'JSON text');
      }
    },
    choice: <T extends string>(column: string, choices: readonly T[]): T => {
      const value = reader.text(column);
      return (choices as readonly string[]).includes(value) ? (value as T) : fail(column, choices.join(' | '));
    },
  };
  return reader;
}
