import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from './blob-store.js';
import { defaultBlobLocation, type BlobLocation } from './blob-location.js';
import { openBlobStore } from './open-blob-store.js';
import { fileKeyStore, postgresKeyStore, type KeyStore } from './key-store.js';
import type { MetaStore } from './meta-store.js';
import { openPostgresMetaStore } from './postgres-meta-store.js';
import { postgresCounters, type SharedCounters } from './shared-counters.js';
import { openSqliteMetaStore } from './sqlite-meta-store.js';

export interface Storage {
  readonly meta: MetaStore;
  readonly blobs: BlobStore;
  readonly keys: KeyStore;
  /** Several server instances may share it: nothing in one process's memory may be taken as the truth. */
  readonly shared: boolean;
  /**
   * Runs a periodic job (a purge) unless another instance is running the one of that name now; false when
   * it was skipped. On PostgreSQL an advisory lock elects the runner, so each job runs once at a time.
   */
  exclusive(job: string, work: () => Promise<void>): Promise<boolean>;
  /** Rate-limit counters shared between instances; absent when the store is one process's own. */
  readonly counters?: SharedCounters;
}

/** Where the server keeps what it stores (PREFLIGHT_DATA, PREFLIGHT_DATABASE_URL; docs/deploy.md). */
export interface StorageSettings {
  readonly dataDirectory: string;
  /** A PostgreSQL connection URL; undefined keeps everything in the embedded store in `dataDirectory`. */
  readonly databaseUrl?: string;
  /** PREFLIGHT_BLOB_URL read; undefined: files in `<dataDirectory>/blobs`. */
  readonly blobLocation?: BlobLocation;
}

function blobLocationOf(settings: StorageSettings): BlobLocation {
  return settings.blobLocation ?? defaultBlobLocation(settings.dataDirectory);
}

function metaStorePath(dataDirectory: string): string {
  return join(dataDirectory, 'links.sqlite');
}

/** Whether the embedded store holds a policy version, without creating anything when there is no store yet. */
export async function hasStoredPolicy(dataDirectory: string): Promise<boolean> {
  const path = metaStorePath(dataDirectory);
  if (
    !(await access(path).then(
      () => true,
      () => false,
    ))
  )
    return false;
  const meta = openSqliteMetaStore(path);
  try {
    return (await meta.activePolicyVersion()) !== null;
  } finally {
    await meta.close();
  }
}

/** One process: a job runs when its previous run has ended. */
function localJobs(): Storage['exclusive'] {
  const running = new Set<string>();
  return async (job, work) => {
    if (running.has(job)) return false;
    running.add(job);
    try {
      await work();
      return true;
    } finally {
      running.delete(job);
    }
  };
}

/**
 * The store the settings name, opened and cleaned of what a crash left. The embedded one is alone with its
 * files, so at start it removes every unfinished upload; a shared one leaves uploads other instances may
 * be receiving, which the purge job removes once they are old.
 */
export async function openStorage(settings: StorageSettings): Promise<Storage> {
  if (settings.databaseUrl === undefined) return openEmbeddedStorage(settings.dataDirectory, blobLocationOf(settings));
  await mkdir(settings.dataDirectory, { recursive: true, mode: 0o700 });
  const meta = await openPostgresMetaStore(settings.databaseUrl);
  try {
    const blobs = await openBlobStore(blobLocationOf(settings));
    return {
      meta,
      blobs,
      keys: postgresKeyStore(meta.pool),
      shared: true,
      counters: postgresCounters(meta.pool),
      exclusive: async (job, work) => {
        const client = await meta.pool.connect();
        try {
          const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS got', [`preflight:${job}`]);
          if (rows[0]?.got !== true) return false;
          try {
            await work();
            return true;
          } finally {
            await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`preflight:${job}`]);
          }
        } finally {
          client.release();
        }
      },
    };
  } catch (error) {
    await meta.close();
    throw error;
  }
}

/**
 * The embedded store in `dataDirectory` (created on first start): `links.sqlite`, and `blobs/` unless
 * PREFLIGHT_BLOB_URL names another place.
 * Whatever a crash left half-done is removed before anything is served.
 */
export async function openEmbeddedStorage(
  dataDirectory: string,
  blobLocation: BlobLocation = defaultBlobLocation(dataDirectory),
): Promise<Storage> {
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
  const meta = openSqliteMetaStore(metaStorePath(dataDirectory));
  try {
    const blobs = await openBlobStore(blobLocation);
    await removeUnfinished({ meta, blobs }, Number.POSITIVE_INFINITY);
    return { meta, blobs, keys: fileKeyStore(dataDirectory), shared: false, exclusive: localJobs() };
  } catch (error) {
    await meta.close();
    throw error;
  }
}

/**
 * Deletes a package still uploading, and says whether it did. Rows first: a package completed meanwhile
 * keeps its rows, and so its blobs.
 */
export async function deleteUnfinishedPackage(storage: Pick<Storage, 'meta' | 'blobs'>, packageId: string): Promise<boolean> {
  if (!(await storage.meta.deleteIncomplete(packageId))) return false;
  await storage.blobs.deletePackage(packageId);
  return true;
}

/**
 * Deletes packages still uploading that were created before `before`, blobs that belong to no package,
 * and temporary files. At start `before` is infinite: no upload can be in flight yet.
 */
export async function removeUnfinished(storage: Pick<Storage, 'meta' | 'blobs'>, before: number): Promise<number> {
  const incomplete = await storage.meta.incompletePackages(before);
  for (const id of incomplete) await deleteUnfinishedPackage(storage, id);
  if (Number.isFinite(before)) return incomplete.length;
  const known = await storage.meta.packageIds();
  for (const id of await storage.blobs.packageIds()) {
    if (!known.has(id)) await storage.blobs.deletePackage(id);
  }
  await storage.blobs.removeTemporary();
  return incomplete.length;
}
