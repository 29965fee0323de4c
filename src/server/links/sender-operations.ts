import { randomBytes } from 'node:crypto';
import { NONCE_PREFIX_SIZE } from '../crypto/chunk-cipher.js';
import { newDataKey, unwrapKey, wrapKey } from '../crypto/keyring.js';
import { sealStream } from '../crypto/sealed-stream.js';
import { hashToken, newId, newLinkToken } from '../crypto/secrets.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { blobKey } from '../storage/blob-store.js';
import { deleteUnfinishedPackage } from '../storage/open-storage.js';
import type { AuditEntry, PackageView } from '../storage/records.js';
import type { PackagePlan } from './create-request.js';
import { fail, succeed, type LinkContext, type Outcome } from './link-context.js';
import { DAY_MS } from './link-limits.js';
import { summarize, type PackageSummary } from './package-summary.js';
import { linkFilePath, type CompletedLinks as CompletedPackage, type CreatedLinks as CreatedPackage } from '../../protocol/index.js';

/** The wire shapes the review pane parses (src/protocol/links.ts). */
export type { CompletedLinks as CompletedPackage, CreatedLinks as CreatedPackage } from '../../protocol/index.js';

/** Files being received now, so one file is never written by two requests at once. */
const receiving = new Set<string>();

class SizeExceeded extends Error {}

async function* bounded(source: AsyncIterable<Uint8Array>, limit: number, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const piece of source) {
    counter.bytes += piece.length;
    if (counter.bytes > limit) throw new SizeExceeded();
    yield piece;
  }
}

function audit(
  context: LinkContext,
  entry: Omit<AuditEntry, 'at' | 'ip' | 'userAgent' | 'bytes' | 'recipientId' | 'fileId'>,
): Promise<void> {
  return context.storage.meta.appendAudit({
    ...entry,
    at: context.now(),
    recipientId: null,
    fileId: null,
    ip: null,
    userAgent: null,
    bytes: 0,
  });
}

const NO_UPLOAD = fail<never>(404, 'not-found', 'No upload with this id is in progress for you');
const ALREADY_COMPLETE = 'This link is already complete; its links were returned by the first complete';

/** Whether the package the caller asked about is no longer uploading because the caller already completed it. */
async function completedBy(
  context: LinkContext,
  user: AuthenticatedUser,
  uploading: PackageView | null,
  packageId: string,
): Promise<boolean> {
  if (uploading !== null) return false;
  const complete = await context.storage.meta.packageById(packageId);
  return complete !== null && complete.package.ownerId === user.id;
}

/** Step 1: the package's rows and wrapped key; nothing is visible until `completePackage`. */
export async function createPackage(context: LinkContext, user: AuthenticatedUser, plan: PackagePlan): Promise<Outcome<CreatedPackage>> {
  if (plan.requireCode && context.mailer === null) {
    return fail(
      409,
      'no-mail-relay',
      'requireCode: this server has no SMTP relay configured (PREFLIGHT_SMTP_HOST), so it cannot send one-time codes',
    );
  }
  const id = newId();
  const now = context.now();
  const expiresAt = now + plan.expiryDays * DAY_MS;
  const wrapped = wrapKey(context.keyring, newDataKey(), id);
  const files = plan.files.map((file, position) => ({
    ...file,
    id: newId(),
    packageId: id,
    position,
    noncePrefix: randomBytes(NONCE_PREFIX_SIZE),
  }));
  await context.storage.meta.createPackage({
    package: {
      id,
      ownerId: user.id,
      ownerEmail: user.email ?? null,
      createdAt: now,
      expiresAt,
      maxDownloads: plan.maxDownloads,
      otpRequired: plan.requireCode,
      kekId: wrapped.kekId,
      wrappedKey: wrapped.wrapped,
    },
    files,
    recipients: plan.recipients.map((address) => ({ id: newId(), address })),
  });
  return succeed({
    id,
    expiresAt: new Date(expiresAt).toISOString(),
    files: files.map((file) => ({ id: file.id, name: file.name, size: file.size, uploadPath: linkFilePath(id, file.id) })),
  });
}

/** Step 2, once per file: the body is encrypted chunk by chunk on its way to disk. */
export async function receiveFile(
  context: LinkContext,
  user: AuthenticatedUser,
  packageId: string,
  fileId: string,
  body: AsyncIterable<Uint8Array>,
): Promise<Outcome<{ readonly bytes: number }>> {
  const view = await context.storage.meta.uploadingPackage(packageId);
  if (view === null || view.package.ownerId !== user.id) {
    return (await completedBy(context, user, view, packageId))
      ? fail(409, 'complete', 'This link is already complete; its files cannot change')
      : NO_UPLOAD;
  }
  const file = view.files.find((candidate) => candidate.id === fileId);
  if (file === undefined) return fail(404, 'not-found', 'This link has no file with this id');
  if (file.uploaded) return fail(409, 'uploaded', `${file.name} has already been uploaded`);
  if (receiving.has(file.id)) return fail(409, 'uploading', `${file.name} is being uploaded by another request`);
  const { kekId, wrappedKey } = view.package;
  if (kekId === null || wrappedKey === null) return fail(404, 'not-found', 'No upload with this id is in progress for you');
  receiving.add(file.id);
  try {
    const key = unwrapKey(context.keyring, { kekId, wrapped: wrappedKey }, packageId);
    const counter = { bytes: 0 };
    const streamKey = { key, noncePrefix: file.noncePrefix, context: Buffer.from(`${packageId}/${file.id}`, 'utf8') };
    try {
      await context.storage.blobs.write(blobKey(packageId, file.id), sealStream(bounded(body, file.size, counter), streamKey));
    } catch (error) {
      if (error instanceof SizeExceeded)
        return fail(413, 'too-large', `${file.name}: the body is larger than the declared ${file.size} bytes`);
      throw error;
    }
    if (counter.bytes !== file.size) {
      return fail(400, 'size-mismatch', `${file.name}: received ${counter.bytes} bytes, but ${file.size} were declared; upload it again`);
    }
    await context.storage.meta.markFileUploaded(packageId, file.id);
    return succeed({ bytes: counter.bytes });
  } finally {
    receiving.delete(file.id);
  }
}

/** Step 3: one link per recipient; the package becomes visible only now, after every file is durable. */
export async function completePackage(
  context: LinkContext,
  user: AuthenticatedUser,
  packageId: string,
): Promise<Outcome<CompletedPackage>> {
  const view = await context.storage.meta.uploadingPackage(packageId);
  // A retry after a lost answer learns that the links exist (they cannot be shown again), not that the package vanished.
  if (view === null || view.package.ownerId !== user.id) {
    return (await completedBy(context, user, view, packageId)) ? fail(409, 'complete', ALREADY_COMPLETE) : NO_UPLOAD;
  }
  const missing = view.files.filter((file) => !file.uploaded).map((file) => file.name);
  if (missing.length > 0) return fail(409, 'files-missing', `Upload these files first: ${missing.join(', ')}`);
  const tokens = new Map(view.recipients.map((recipient) => [recipient.id, newLinkToken()]));
  const completed = await context.storage.meta.completePackage(
    packageId,
    new Map([...tokens].map(([id, token]) => [id, hashToken(token)])),
  );
  if (!completed) return fail(409, 'complete', ALREADY_COMPLETE);
  await audit(context, { packageId, action: 'create', result: 'ok', actor: user.id });
  return succeed({
    id: packageId,
    expiresAt: new Date(view.package.expiresAt).toISOString(),
    links: view.recipients.map((recipient) => ({
      recipient: recipient.address,
      url: `${context.publicOrigin}/d/${tokens.get(recipient.id) ?? ''}`,
    })),
  });
}

export async function listPackages(context: LinkContext, ownerId: string | null, limit: number): Promise<readonly PackageSummary[]> {
  const views = await context.storage.meta.listPackages(ownerId, limit);
  const now = context.now();
  return Promise.all(views.map(async (view) => summarize(view, await context.storage.meta.downloadCounts(view.package.id), now)));
}

async function ownedOrAdministered(context: LinkContext, user: AuthenticatedUser, packageId: string) {
  const view = await context.storage.meta.packageById(packageId);
  if (view === null || (view.package.ownerId !== user.id && !user.isAdmin)) return null;
  return view;
}

/**
 * A package still uploading is withdrawn whole: the pane revokes it when an upload or the complete step
 * fails, and its files and key must not wait for the purge job (docs/protection.md, "Secure link").
 */
async function withdrawUploading(
  context: LinkContext,
  user: AuthenticatedUser,
  packageId: string,
): Promise<Outcome<PackageSummary> | null> {
  const view = await context.storage.meta.uploadingPackage(packageId);
  if (view === null || (view.package.ownerId !== user.id && !user.isAdmin)) return null;
  // A complete that commits first makes this find nothing; revokePackage then revokes it as any other.
  if (!(await deleteUnfinishedPackage(context.storage, packageId))) return null;
  const now = context.now();
  await audit(context, { packageId, action: 'revoke', result: 'ok', actor: user.id });
  const withdrawn = {
    ...view,
    package: { ...view.package, revokedAt: now, revokedBy: user.id, shreddedAt: now, purgedAt: now, kekId: null, wrappedKey: null },
  };
  return succeed(summarize(withdrawn, [], now));
}

/** Revocation is immediate: the key is shredded at once and the blobs are removed. */
export async function revokePackage(context: LinkContext, user: AuthenticatedUser, packageId: string): Promise<Outcome<PackageSummary>> {
  const view = await ownedOrAdministered(context, user, packageId);
  if (view !== null) return revokeComplete(context, user, view);
  const withdrawn = await withdrawUploading(context, user, packageId);
  if (withdrawn !== null) return withdrawn;
  // Still uploading at the first read and complete by now: the pane's revoke after a complete whose answer
  // it lost races that complete, and must not leave the package live.
  const completed = await ownedOrAdministered(context, user, packageId);
  return completed === null ? fail(404, 'not-found', 'No link with this id is yours to revoke') : revokeComplete(context, user, completed);
}

async function revokeComplete(context: LinkContext, user: AuthenticatedUser, view: PackageView): Promise<Outcome<PackageSummary>> {
  const packageId = view.package.id;
  const now = context.now();
  if (view.package.revokedAt === null) {
    await context.storage.meta.revoke(packageId, user.id, now);
    await context.storage.meta.shredKey(packageId, now);
    await audit(context, { packageId, action: 'revoke', result: 'ok', actor: user.id });
    await context.storage.blobs.deletePackage(packageId);
    await context.storage.meta.markPurged(packageId, now);
  }
  const updated = (await context.storage.meta.packageById(packageId)) ?? view;
  return succeed(summarize(updated, await context.storage.meta.downloadCounts(packageId), now));
}

export interface AuditLine {
  readonly at: string;
  readonly action: string;
  readonly result: string;
  readonly recipient: string | null;
  readonly file: string | null;
  readonly actor: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly bytes: number;
}

export async function packageAudit(
  context: LinkContext,
  user: AuthenticatedUser,
  packageId: string,
): Promise<Outcome<readonly AuditLine[]>> {
  const view = await ownedOrAdministered(context, user, packageId);
  if (view === null) return fail(404, 'not-found', 'No link with this id is yours to read');
  const recipients = new Map(view.recipients.map((recipient) => [recipient.id, recipient.address]));
  const files = new Map(view.files.map((file) => [file.id, file.name]));
  const entries = await context.storage.meta.audit(packageId);
  return succeed(
    entries.map((entry) => ({
      at: new Date(entry.at).toISOString(),
      action: entry.action,
      result: entry.result,
      recipient: entry.recipientId === null ? null : (recipients.get(entry.recipientId) ?? null),
      file: entry.fileId === null ? null : (files.get(entry.fileId) ?? null),
      actor: entry.actor,
      ip: entry.ip,
      userAgent: entry.userAgent,
      bytes: entry.bytes,
    })),
  );
}
