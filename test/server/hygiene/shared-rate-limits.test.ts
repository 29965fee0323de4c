// Rate limits across instances: two apps on one PostgreSQL count a user's requests together, so a user
// behind a load balancer gets the per-minute limit once, not once per instance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { DEFAULT_LINK_LIMITS } from '../../../src/server/links/link-limits.js';
import { openPostgresMetaStore } from '../../../src/server/storage/postgres-meta-store.js';
import { postgresCounters } from '../../../src/server/storage/shared-counters.js';
import { workspace, type Workspace } from '../fixtures.js';
import { KEK } from '../links/harness.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';
import { startTestPostgres, type TestPostgres } from '../../../src/bench/local-postgres.js';

let postgres: TestPostgres;
let identity: TestIdentity;
let files: Workspace;
let data: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  [postgres, identity] = await Promise.all([startTestPostgres(), startTestIdentity()]);
  files = workspace();
  data = mkdtempSync(join(tmpdir(), 'preflight-shared-limits-'));
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await identity?.close();
  await postgres?.stop();
  files?.remove();
  rmSync(data, { recursive: true, force: true });
});

/**
 * The counters' windows follow the clock's minutes, so four requests that straddle a minute's end are
 * counted in two windows and none is refused (it happened once in a full run). The clock is stopped for
 * the requests; timers still run.
 */
async function inOneWindow<T>(requests: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  try {
    return await requests();
  } finally {
    vi.useRealTimers();
  }
}

describe('shared rate limits', () => {
  it('counts one key from two connections in one window', async () => {
    const url = await postgres.database('counters');
    const store = await openPostgresMetaStore(url);
    const other = new pg.Pool({ connectionString: url });
    try {
      const now = () => 120_500;
      const [first, second] = [postgresCounters(store.pool, now), postgresCounters(other, now)];
      const counts = await Promise.all([first.increment('k', 60_000), second.increment('k', 60_000), first.increment('k', 60_000)]);
      expect(counts.map((state) => state.count).sort()).toEqual([1, 2, 3]);
      expect(counts[0]?.resetInMs).toBe(59_500);
      expect((await postgresCounters(store.pool, () => 180_000).increment('k', 60_000)).count).toBe(1);
    } finally {
      await other.end();
      await store.close();
    }
  });

  it('refuses the fourth request of a user whose three went to two instances', async () => {
    const url = await postgres.database('limits');
    for (let index = 0; index < 2; index += 1) {
      apps.push(
        await buildApp(
          files.config({
            logLevel: 'silent',
            auth: identity.auth,
            rateLimits: { perUserPerMinute: 3, perLinkPerMinute: 2 },
            links: {
              dataDirectory: data,
              databaseUrl: url,
              keyring: { kind: 'inline', entries: [`shared-1:${KEK}`] },
              smtp: null,
              limits: DEFAULT_LINK_LIMITS,
            },
          }),
        ),
      );
    }
    const authorization = `Bearer ${await identity.token('alice')}`;
    const codes = await inOneWindow(async () => {
      const seen: number[] = [];
      for (let index = 0; index < 4; index += 1)
        seen.push((await apps[index % 2]!.inject({ url: '/api/me', headers: { authorization } })).statusCode);
      return seen;
    });
    expect(codes).toEqual([200, 200, 200, 429]);
  });

  it('refuses with 429 the fourth unauthenticated request from one address spread over two instances', async () => {
    const url = await postgres.database('refusals');
    const pair: FastifyInstance[] = [];
    for (let index = 0; index < 2; index += 1) {
      const app = await buildApp(
        files.config({
          logLevel: 'silent',
          auth: identity.auth,
          rateLimits: { perUserPerMinute: 100, perLinkPerMinute: 100, refusedPerAddressPerMinute: 3 },
          links: {
            dataDirectory: data,
            databaseUrl: url,
            keyring: { kind: 'inline', entries: [`shared-1:${KEK}`] },
            smtp: null,
            limits: DEFAULT_LINK_LIMITS,
          },
        }),
      );
      apps.push(app);
      pair.push(app);
    }
    const codes = await inOneWindow(async () => {
      const seen: number[] = [];
      for (let index = 0; index < 4; index += 1)
        seen.push((await pair[index % 2]!.inject({ url: '/api/me', headers: { authorization: 'Bearer forged' } })).statusCode);
      return seen;
    });
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
