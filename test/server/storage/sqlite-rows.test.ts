import { describe, expect, it } from 'vitest';
import { StoredRowError } from '../../../src/server/storage/row-reader.js';
import { allRows, oneRow } from '../../../src/server/storage/sqlite-rows.js';

describe('rows from better-sqlite3', () => {
  it('passes rows and a missing row through', () => {
    expect(oneRow({ id: 'a' })).toEqual({ id: 'a' });
    expect(oneRow(undefined)).toBeUndefined();
    expect(allRows([{ id: 'a' }, { id: 'b' }])).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it.each([[null], [3], ['text'], [[1, 2]]])('refuses %j where a row should be, naming what it found', (value) => {
    expect(() => oneRow(value)).toThrow(StoredRowError);
    expect(() => allRows([{ id: 'a' }, value])).toThrow(/expected a row/);
  });

  it('refuses a result that is not a list of rows', () => {
    expect(() => allRows({ id: 'a' })).toThrow(/expected a list of rows, found object/);
  });
});
