import { removeUnfinished } from '../storage/open-storage.js';
import type { LinkContext } from './link-context.js';

export interface PurgeReport {
  /** Packages whose key was deleted now (expired or revoked). */
  readonly shredded: number;
  /** Packages whose blobs were removed now. */
  readonly purged: number;
  /** Uploads abandoned for longer than the limit, removed. */
  readonly abandoned: number;
}

/**
 * Past expiry the wrapped key is deleted first (after that the blobs are noise, also in any backup),
 * then the blobs. Each step is idempotent, so a crash between them is finished by the next run.
 */
export async function purgeOnce(context: LinkContext): Promise<PurgeReport> {
  const { meta, blobs } = context.storage;
  const now = context.now();
  const toShred = await meta.packagesToShred(now);
  for (const id of toShred) {
    await meta.shredKey(id, now);
    await meta.appendAudit({
      at: now,
      packageId: id,
      recipientId: null,
      fileId: null,
      action: 'shred',
      result: 'ok',
      actor: null,
      ip: null,
      userAgent: null,
      bytes: 0,
    });
  }
  const toPurge = await meta.packagesToPurge();
  for (const id of toPurge) {
    await blobs.deletePackage(id);
    await meta.markPurged(id, now);
    await meta.appendAudit({
      at: now,
      packageId: id,
      recipientId: null,
      fileId: null,
      action: 'purge',
      result: 'ok',
      actor: null,
      ip: null,
      userAgent: null,
      bytes: 0,
    });
  }
  const abandoned = await removeUnfinished(context.storage, now - context.limits.unfinishedUploadMinutes * 60_000);
  return { shredded: toShred.length, purged: toPurge.length, abandoned };
}

export interface PurgeLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Runs `purgeOnce` now and then every interval; returns the function that stops it. */
export function startPurgeJob(context: LinkContext, log: PurgeLog): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = running
      // One instance at a time purges a shared store; the others skip the round.
      .then(() =>
        context.storage.exclusive('link-purge', async () => {
          const report = await purgeOnce(context);
          if (report.shredded + report.purged + report.abandoned > 0) log.info({ ...report }, 'Link purge');
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error }, 'Link purge failed; the next run retries'),
      );
  };
  run();
  const timer = setInterval(run, context.limits.purgeIntervalMinutes * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
