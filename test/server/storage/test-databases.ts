// A throwaway PostgreSQL server for one test file (src/bench/local-postgres.ts), and a database of its own
// for each test that asks.
import { afterAll, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../src/bench/local-postgres.js';

export interface TestDatabases {
  /** The connection URL of a new, empty database. */
  fresh(): Promise<string>;
}

/** Registers the server's start and stop; call once at the top of a test file. */
export function useTestDatabases(prefix: string): TestDatabases {
  let postgres: TestPostgres | undefined;
  let databases = 0;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  return {
    fresh: () => {
      if (postgres === undefined) throw new Error('the test PostgreSQL server has not started');
      databases += 1;
      return postgres.database(`${prefix}_${databases}`);
    },
  };
}
