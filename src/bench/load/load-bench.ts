// `npm run bench -- load`: the built server under a mixed load over loopback, on the embedded default
// and on PostgreSQL + Azurite with one and two instances (docs/benchmarks.md, "Load").
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeLinkPolicy } from '../bench-policy.js';
import { BUILT_SERVER_TOKEN, processMemory, startBuiltServer, type ServerProcess } from '../built-server.js';
import { startAzurite } from '../local-object-stores.js';
import { startTestPostgres } from '../local-postgres.js';
import { formatMiB, formatMs } from '../statistics.js';
import type { RequestFigures } from './latency-log.js';
import { runLoad, type LoadResult } from './load-run.js';

export type LoadStorage = 'embedded' | 'postgres-folder' | 'postgres-azurite';

export interface LoadSetup {
  readonly instances: number;
  readonly storage: LoadStorage;
}

export interface LoadShape {
  readonly seconds: number;
  readonly senders: number;
  readonly recipients: number;
  readonly fileBytes: number;
}

export const BENCH_LOAD_SHAPE: LoadShape = { seconds: 15, senders: 4, recipients: 32, fileBytes: 256 * 1024 };

export const BENCH_LOAD_SETUPS: readonly LoadSetup[] = [
  { instances: 1, storage: 'embedded' },
  { instances: 1, storage: 'postgres-folder' },
  { instances: 2, storage: 'postgres-folder' },
  { instances: 1, storage: 'postgres-azurite' },
  { instances: 2, storage: 'postgres-azurite' },
];

export interface InstanceMemory {
  /** VmRSS after start, VmHWM and VmRSS after the run (kB); null off Linux. */
  readonly startKilobytes: number | null;
  readonly peakKilobytes: number | null;
  readonly endKilobytes: number | null;
}

export interface LoadFigures extends LoadResult {
  readonly setup: LoadSetup;
  readonly memory: readonly InstanceMemory[];
}

const DOWNLOADS_PER_RECIPIENT = 100;
const RECIPIENTS_PER_LINK = 5;

/** Enough links before the clock starts that recipients are not starved while senders add more. */
function seedLinks(shape: LoadShape): number {
  return Math.max(4, Math.ceil((shape.recipients * shape.seconds * 40) / (DOWNLOADS_PER_RECIPIENT * RECIPIENTS_PER_LINK)));
}

/** What the instances share: nothing on the embedded default; a database, and a folder or Azurite. */
async function sharedServices(
  directory: string,
  storage: LoadStorage,
): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  if (storage === 'embedded') return { env: {}, stop: async () => undefined };
  const postgres = await startTestPostgres();
  const database = { PREFLIGHT_DATABASE_URL: await postgres.database('load') };
  if (storage === 'postgres-folder') {
    const blobs = join(directory, 'shared-blobs');
    mkdirSync(blobs);
    return { env: { ...database, PREFLIGHT_BLOB_URL: pathToFileURL(blobs).href }, stop: () => postgres.stop() };
  }
  const azurite = await startAzurite().catch(async (error: unknown) => {
    await postgres.stop();
    throw error;
  });
  return {
    env: { ...database, PREFLIGHT_BLOB_URL: 'azure://preflight-load', AZURE_STORAGE_CONNECTION_STRING: azurite.address },
    stop: async () => {
      await Promise.all([postgres.stop(), azurite.stop()]);
    },
  };
}

export async function benchLoad(root: string, setup: LoadSetup, shape: LoadShape = BENCH_LOAD_SHAPE): Promise<LoadFigures> {
  const directory = mkdtempSync(join(tmpdir(), 'preflight-bench-load-'));
  const services = await sharedServices(directory, setup.storage);
  const servers: ServerProcess[] = [];
  try {
    const common = {
      PREFLIGHT_POLICY: writeLinkPolicy(root, directory, { maxDownloads: DOWNLOADS_PER_RECIPIENT }),
      PREFLIGHT_DIST: join(root, 'dist'),
      PREFLIGHT_ASSETS: join(root, 'assets'),
      PREFLIGHT_KEKS: `load:${randomBytes(32).toString('base64')}`,
      PREFLIGHT_RATE_LIMIT_USER: '999999',
      PREFLIGHT_RATE_LIMIT_LINK: '999999',
      ...services.env,
    };
    for (let index = 0; index < setup.instances; index += 1) {
      const own = join(directory, `instance-${index}`);
      mkdirSync(own);
      servers.push(await startBuiltServer(root, own, { PREFLIGHT_DATA: join(own, 'data'), ...common }));
    }
    const started = servers.map((server) => processMemory(server.child.pid)?.currentKilobytes ?? null);
    const result = await runLoad({
      origins: servers.map((server) => server.origin),
      token: BUILT_SERVER_TOKEN,
      ...shape,
      seedLinks: seedLinks(shape),
      recipientsPerLink: RECIPIENTS_PER_LINK,
      downloadsPerRecipient: DOWNLOADS_PER_RECIPIENT,
    });
    const memory = servers.map((server, index) => {
      const after = processMemory(server.child.pid);
      return {
        startKilobytes: started[index] ?? null,
        peakKilobytes: after?.peakKilobytes ?? null,
        endKilobytes: after?.currentKilobytes ?? null,
      };
    });
    return { ...result, setup, memory };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await services.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

const STORAGE_NAMES: Record<LoadStorage, string> = {
  embedded: 'SQLite + files',
  'postgres-folder': 'PostgreSQL + shared folder',
  'postgres-azurite': 'PostgreSQL + Azurite',
};

function kindLine(figure: RequestFigures): string {
  const errors = figure.errors === 0 ? '0' : `${figure.errors} (${figure.firstError ?? ''})`;
  return `    ${figure.kind.padEnd(12)} ${figure.perSecond.toFixed(1).padStart(9)}  ${formatMs(figure.p50Ms).padEnd(9)} ${formatMs(figure.p99Ms).padEnd(9)} ${errors}`;
}

/** A share's three calls, then a recipient's two, whatever order the run first saw them in. */
const KIND_ORDER = ['create link', 'upload', 'complete', 'link page', 'download'];

function kindRank(figure: RequestFigures): number {
  const rank = KIND_ORDER.indexOf(figure.kind);
  return rank < 0 ? KIND_ORDER.length : rank;
}

export function loadReport(figures: LoadFigures, shape: LoadShape): string[] {
  const { setup } = figures;
  const total = figures.figures.reduce((sum, figure) => sum + figure.requests, 0);
  const errors = figures.figures.reduce((sum, figure) => sum + figure.errors, 0);
  const downloads = figures.figures.find((figure) => figure.kind === 'download')?.perSecond ?? 0;
  const lines = [
    `  ${setup.instances} instance${setup.instances === 1 ? '' : 's'}, ${STORAGE_NAMES[setup.storage]}: ${(total / figures.seconds).toFixed(0)} requests/s, ${errors} errors, downloads ${((downloads * shape.fileBytes) / 1e6).toFixed(1)} MB/s over ${figures.seconds.toFixed(1)} s`,
    '    request       per s      p50       p99       errors',
    ...[...figures.figures].sort((left, right) => kindRank(left) - kindRank(right)).map(kindLine),
    `    server RSS: ${figures.memory.map((memory) => `${formatMiB(memory.startKilobytes)} at start, peak ${formatMiB(memory.peakKilobytes)}, ${formatMiB(memory.endKilobytes)} at end`).join('; ')}`,
  ];
  if (figures.starvedTurns > 0)
    lines.push(`    recipients found no link left ${figures.starvedTurns} times: the run needs more seeded links`);
  return lines;
}

export async function printLoad(root: string, shape: LoadShape = BENCH_LOAD_SHAPE): Promise<void> {
  console.log(
    `Load over loopback: ${shape.senders} senders sharing ${shape.fileBytes / 1024} KiB files by link, ${shape.recipients} recipients opening and downloading, ${shape.seconds} s a setup`,
  );
  console.log("  load generator, servers, PostgreSQL and Azurite share this machine's cores");
  for (const setup of BENCH_LOAD_SETUPS) {
    for (const line of loadReport(await benchLoad(root, setup, shape), shape)) console.log(line);
  }
}
