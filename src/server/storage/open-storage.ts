import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from './blob-store.js';
import { openFileBlobStore } from './file-blob-store.js';
import type { MetaStore } from './meta-store.js';
import { openSqliteMetaStore } from './sqlite-meta-store.js';

export interface Storage {
  readonly meta: MetaStore;
  readonly blobs: BlobStore;
}

function metaStorePath(dataDirectory: string): string {
  return join(dataDirectory, 'links.sqlite');
}

/** Whether the embedded store holds a policy version, without creating anything when there is no store yet. */
export async function hasStoredPolicy(dataDirectory: string): Promise<boolean> {
  const path = metaStorePath(dataDirectory);
  if (!(await access(path).then(() => true, () => false))) return false;
  const meta = openSqliteMetaStore(path);
  try {
    return (await meta.activePolicyVersion()) !== null;
  } finally {
    await meta.close();
  }
}

/**
 * The embedded store in `dataDirectory` (created on first start): `links.sqlite` and `blobs/`.
 * Whatever a crash left half-done is removed before anything is served.
 */
export async function openEmbeddedStorage(dataDirectory: string): Promise<Storage> {
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });
  const meta = openSqliteMetaStore(metaStorePath(dataDirectory));
  try {
    const blobs = await openFileBlobStore(join(dataDirectory, 'blobs'));
    await removeUnfinished({ meta, blobs }, Number.POSITIVE_INFINITY);
    return { meta, blobs };
  } catch (error) {
    await meta.close();
    throw error;
  }
}

/**
 * Deletes packages still uploading that were created before `before`, blobs that belong to no package,
 * and temporary files. At start `before` is infinite: no upload can be in flight yet.
 */
export async function removeUnfinished(storage: Storage, before: number): Promise<number> {
  const incomplete = await storage.meta.incompletePackages(before);
  for (const id of incomplete) {
    await storage.blobs.deletePackage(id);
    await storage.meta.deleteIncomplete(id);
  }
  if (Number.isFinite(before)) return incomplete.length;
  const known = await storage.meta.packageIds();
  for (const id of await storage.blobs.packageIds()) {
    if (!known.has(id)) await storage.blobs.deletePackage(id);
  }
  await storage.blobs.removeTemporary();
  return incomplete.length;
}
