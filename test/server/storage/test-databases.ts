// A throwaway PostgreSQL server for one test file (src/bench/local-postgres.ts), a database of its own for
// each test that asks, and what a test opened closed after it.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../src/bench/local-postgres.js';

export interface TestDatabases {
  /** The connection URL of a new, empty database. */
  fresh(): Promise<string>;
  /** Runs `cleanup` once the current test has finished. */
  afterThisTest(cleanup: () => Promise<void>): void;
}

/** Registers the server's start and stop; call once at the top of a test file. */
export function useTestDatabases(prefix: string): TestDatabases {
  let postgres: TestPostgres | undefined;
  let databases = 0;
  const cleanups: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return {
    fresh: () => {
      if (postgres === undefined) throw new Error('the test PostgreSQL server has not started');
      databases += 1;
      return postgres.database(`${prefix}_${databases}`);
    },
    afterThisTest: (cleanup) => {
      cleanups.push(cleanup);
    },
  };
}
