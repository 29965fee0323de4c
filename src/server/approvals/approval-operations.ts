import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { hiddenCharacterProblem } from '../api-hygiene/file-name-characters.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { NONCE_PREFIX_SIZE } from '../crypto/chunk-cipher.js';
import { newDataKey, unwrapKey, wrapKey, type Keyring } from '../crypto/keyring.js';
import { openStream, sealStream } from '../crypto/sealed-stream.js';
import { newId } from '../crypto/secrets.js';
import { DAY_MS } from '../links/link-limits.js';
import { fail, succeed, type Outcome } from '../links/link-context.js';
import type { ApprovalMailer } from '../mail/approval-mailer.js';
import { allSettledLimited } from '../settle-limited.js';
import { blobKey } from '../storage/blob-store.js';
import type { Storage } from '../storage/open-storage.js';
import type { ApprovalRecord, ApprovalStatus, ApprovalSummary } from '../storage/records.js';
import { approvalAddress } from './approval-address.js';
import { HOUR_MS, type ApprovalSettings } from './approval-settings.js';
import type { ApprovalSigningKey } from './signing-key.js';
import type { ApprovalContent, ApprovalDecisionRequest, ApprovalRequestView, CreateApprovalRequest } from '../../protocol/index.js';

export interface ApprovalContext {
  readonly storage: Storage;
  readonly keyring: Keyring;
  readonly signingKey: ApprovalSigningKey;
  readonly settings: ApprovalSettings;
  readonly now: () => number;
  /** Null without an SMTP relay: requests are still created, and say `mailed: false`. */
  readonly mailer: ApprovalMailer | null;
  readonly publicOrigin: string;
  readonly log: { warn(details: object, message: string): void };
}

/** The pane's upload and request body (src/protocol/approval-request.ts). */
export type { ApprovalContent };
export type CreateApprovalBody = CreateApprovalRequest;

/** The request as the API shows it (src/protocol), with the signed approval once approved. */
export type ApprovalView = ApprovalRequestView;

/**
 * Approval mails in flight at once. The relay transport is not pooled, so each mail is its own SMTP
 * connection (https://nodemailer.com/smtp/), and many relays refuse or throttle a client that opens
 * maxApprovers (20) of them at once. Four keeps a request's mails to five rounds at most.
 */
export const MAIL_CONCURRENCY = 4;

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+$/;
const CONTENT_CONTEXT = (id: string): Buffer => Buffer.from(`approval/${id}`, 'utf8');

function isApprover(record: ApprovalRecord, user: AuthenticatedUser): boolean {
  return user.email !== undefined && record.approvers.includes(approvalAddress(user.email));
}

function isSender(record: ApprovalRecord, user: AuthenticatedUser): boolean {
  return record.senderId === user.id || (user.email !== undefined && approvalAddress(user.email) === record.sender);
}

/** The first attachment name, in the content or the summary, that the approver would see disguised. */
function disguisedAttachmentName(body: CreateApprovalBody): string | null {
  const named = [
    ...(body.content?.attachments ?? []).map((attachment, index) => [`content.attachments[${index}].name`, attachment.name] as const),
    ...(body.summary?.attachments ?? []).map((name, index) => [`summary.attachments[${index}]`, name] as const),
  ];
  for (const [field, name] of named) {
    const problem = hiddenCharacterProblem(name);
    if (problem !== null) return `${field} ${problem}`;
  }
  return null;
}

function expiredRefusal<T>(): Outcome<T> {
  return fail(410, 'expired', 'This request has expired; the sender must ask again');
}

/** A pending request past its expiry reads as expired before the purge job has marked it. */
export function effectiveStatus(record: ApprovalRecord, now: number): ApprovalStatus {
  return record.status === 'pending' && now >= record.expiresAt ? 'expired' : record.status;
}

function view(record: ApprovalRecord, now: number): ApprovalView {
  const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());
  return {
    id: record.id,
    status: effectiveStatus(record, now),
    sender: record.sender,
    approvers: record.approvers,
    fingerprint: record.fingerprint,
    summary: record.summary,
    createdAt: new Date(record.createdAt).toISOString(),
    expiresAt: new Date(record.expiresAt).toISOString(),
    decidedBy: record.decidedBy,
    decidedAt: iso(record.decidedAt),
    comment: record.comment,
    hasContent: record.wrappedKey !== null,
    ...(record.token === null ? {} : { approval: record.token }),
  };
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

async function mailApprovers(context: ApprovalContext, record: ApprovalRecord): Promise<boolean> {
  const { mailer } = context;
  if (mailer === null) return false;
  const url = `${context.publicOrigin}/approve/${record.id}`;
  // Side by side: one after another, up to maxApprovers slow relay round trips could outlast the idle
  // timeout, and the pane would see a failure for a request that exists and ask again. At most
  // MAIL_CONCURRENCY at a time, each its own relay connection.
  const results = await allSettledLimited(record.approvers, MAIL_CONCURRENCY, async (to) =>
    mailer.send({ to, sender: record.sender, url, expiresAt: record.expiresAt }),
  );
  for (const result of results) {
    // The request stands: the sender can tell the approver the link another way.
    if (result.status === 'rejected') context.log.warn({ err: result.reason, approvalId: record.id }, 'Approval mail could not be sent');
  }
  return results.every((result) => result.status === 'fulfilled');
}

export async function createApproval(
  context: ApprovalContext,
  user: AuthenticatedUser,
  body: CreateApprovalBody,
): Promise<Outcome<{ id: string; status: 'pending'; expiresAt: string; mailed: boolean }>> {
  if (user.email === undefined || !ADDRESS.test(user.email))
    return fail(400, 'no-sender-address', 'Your account has no mail address, so nobody could approve for you');
  const sender = approvalAddress(user.email);
  const approvers = [...new Set(body.approvers.map(approvalAddress))];
  const malformed = approvers.filter((entry) => !ADDRESS.test(entry));
  if (malformed.length > 0) return fail(400, 'invalid', `Not mail addresses: ${malformed.join(', ')}`);
  // A sender can never approve their own message, so they are dropped rather than refused outright.
  const others = approvers.filter((entry) => entry !== sender);
  if (others.length === 0)
    return fail(400, 'no-approver', 'Name at least one approver other than yourself: a sender cannot approve their own message');
  if (others.length > context.settings.maxApprovers) return fail(400, 'invalid', `At most ${context.settings.maxApprovers} approvers`);
  const disguised = disguisedAttachmentName(body);
  if (disguised !== null) return fail(400, 'invalid', disguised);
  const includeContent = body.includeContent ?? body.content !== undefined;
  if (includeContent && body.content === undefined) return fail(400, 'invalid', 'includeContent is true but no content was sent');
  if (includeContent && body.content !== undefined && body.content.htmlBody === undefined && body.content.textBody === undefined) {
    return fail(400, 'invalid', 'content needs htmlBody or textBody');
  }

  const id = newId();
  const now = context.now();
  const expiresAt = now + body.expiresHours * HOUR_MS;
  let sealed: { kekId: string; wrappedKey: Buffer; blobId: string; noncePrefix: Buffer } | null = null;
  if (includeContent && body.content !== undefined) {
    const dataKey = newDataKey();
    const wrapped = wrapKey(context.keyring, dataKey, id);
    const blobId = newId();
    const noncePrefix = randomBytes(NONCE_PREFIX_SIZE);
    const plaintext = Buffer.from(JSON.stringify(body.content), 'utf8');
    await context.storage.blobs.write(
      blobKey(blobId, 'content'),
      sealStream(once(plaintext), { key: dataKey, noncePrefix, context: CONTENT_CONTEXT(id) }),
    );
    sealed = { kekId: wrapped.kekId, wrappedKey: wrapped.wrapped, blobId, noncePrefix };
  }
  const summary: ApprovalSummary = {
    rules: body.summary?.rules ?? [],
    outsideDomains: body.summary?.outsideDomains ?? [],
    attachments: body.summary?.attachments ?? [],
  };
  const record = {
    id,
    senderId: user.id,
    sender,
    approvers: others,
    fingerprint: body.fingerprint.toLowerCase(),
    summary,
    createdAt: now,
    expiresAt,
    kekId: sealed?.kekId ?? null,
    wrappedKey: sealed?.wrappedKey ?? null,
    blobId: sealed?.blobId ?? null,
    noncePrefix: sealed?.noncePrefix ?? null,
  };
  try {
    await context.storage.meta.createApproval(record);
  } catch (error) {
    if (sealed !== null) await context.storage.blobs.deletePackage(sealed.blobId);
    throw error;
  }
  const stored = await context.storage.meta.approvalById(id);
  if (stored !== null) await recordApprovalEvent(context, stored, { userId: user.id, user: sender }, 'approval-request', 'requested', null);
  const mailed = stored === null ? false : await mailApprovers(context, stored);
  return succeed({ id, status: 'pending', expiresAt: new Date(expiresAt).toISOString(), mailed });
}

/**
 * The audit's view of approvals (docs/admin.md "Audit"): who asked or decided, which rules, and how long a
 * decision took; the summary's domains and file names stay with the request, never in the audit.
 */
async function recordApprovalEvent(
  context: ApprovalContext,
  record: ApprovalRecord,
  who: { readonly userId: string; readonly user: string },
  kind: 'approval-request' | 'approval-decision',
  decision: 'requested' | 'approved' | 'rejected',
  durationMs: number | null,
): Promise<void> {
  const now = context.now();
  const rules: Record<string, number> = {};
  for (const rule of record.summary.rules) rules[rule] = (rules[rule] ?? 0) + 1;
  await context.storage.meta.appendAuditEvents([
    {
      at: now,
      receivedAt: now,
      userId: who.userId,
      user: who.user,
      verified: true,
      kind,
      platform: 'server',
      mailbox: '',
      policy: null,
      decision,
      rules,
      domains: [],
      durationMs,
      confirmSeconds: null,
    },
  ]);
}

/** Only the sender or a listed approver; anyone else gets 403, not 404, as the links API does for owners. */
export async function readApproval(context: ApprovalContext, user: AuthenticatedUser, id: string): Promise<Outcome<ApprovalView>> {
  const record = await context.storage.meta.approvalById(id);
  if (record === null) return fail(404, 'not-found', 'No approval request with this id');
  if (!isSender(record, user) && !isApprover(record, user))
    return fail(403, 'forbidden', 'Only the sender and the named approvers can see this request');
  return succeed(view(record, context.now()));
}

export async function latestApproval(
  context: ApprovalContext,
  user: AuthenticatedUser,
  fingerprint: string,
): Promise<Outcome<ApprovalView>> {
  const record = await context.storage.meta.latestApproval(user.id, fingerprint.toLowerCase());
  if (record === null) return fail(404, 'not-found', 'You have no approval request for this message');
  return succeed(view(record, context.now()));
}

/**
 * The signed approval of a sender's message, for the send handler, which cannot sign in (tokens are not
 * available in event handlers). It proves nothing by itself: the handler checks the signature where the
 * runtime can, and it names only the approver, whom the sender knows anyway.
 */
export async function grantedApproval(
  context: ApprovalContext,
  sender: string,
  fingerprint: string,
): Promise<Outcome<{ approval: string }>> {
  const record = await context.storage.meta.grantedApproval(approvalAddress(sender), fingerprint.toLowerCase(), context.now());
  if (record === null || record.token === null) return fail(404, 'not-found', 'No approval for this message');
  return succeed({ approval: record.token });
}

export type DecisionBody = ApprovalDecisionRequest;

export async function decideApproval(
  context: ApprovalContext,
  user: AuthenticatedUser,
  id: string,
  body: DecisionBody,
): Promise<Outcome<ApprovalView>> {
  const record = await context.storage.meta.approvalById(id);
  if (record === null) return fail(404, 'not-found', 'No approval request with this id');
  if (isSender(record, user)) return fail(403, 'sender', 'A sender cannot decide on their own request');
  if (!isApprover(record, user) || user.email === undefined) return fail(403, 'not-approver', 'You are not an approver of this request');
  const now = context.now();
  const status = effectiveStatus(record, now);
  if (status === 'expired') return expiredRefusal();
  if (status !== 'pending') return fail(409, 'decided', `This request was already ${status}`);
  const approver = approvalAddress(user.email);
  const token =
    body.decision === 'approve'
      ? await new SignJWT({ fp: record.fingerprint, approver, rid: record.id })
          .setProtectedHeader({ alg: 'ES256', typ: 'preflight-approval+jwt', kid: context.signingKey.publicJwk.kid ?? '' })
          .setSubject(record.sender)
          .setIssuedAt(Math.floor(now / 1000))
          .setExpirationTime(Math.floor(record.expiresAt / 1000))
          .sign(context.signingKey.privateKey)
      : null;
  const decided = await context.storage.meta.decideApproval(
    id,
    {
      status: body.decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: approver,
      comment: body.comment ?? null,
      token,
      decidedAt: now,
    },
    now,
  );
  // Two approvers racing: only one UPDATE matched the pending row; the other is a replay.
  if (!decided) return fail(409, 'decided', 'This request was decided already');
  const after = await context.storage.meta.approvalById(id);
  if (after !== null)
    await recordApprovalEvent(
      context,
      after,
      { userId: user.id, user: approver },
      'approval-decision',
      body.decision === 'approve' ? 'approved' : 'rejected',
      now - after.createdAt,
    );
  return after === null ? fail(404, 'not-found', 'No approval request with this id') : succeed(view(after, now));
}

/** The decrypted message: a listed approver, while pending or within the retention after the decision. */
export async function readContent(context: ApprovalContext, user: AuthenticatedUser, id: string): Promise<Outcome<ApprovalContent>> {
  const record = await context.storage.meta.approvalById(id);
  if (record === null) return fail(404, 'not-found', 'No approval request with this id');
  if (!isApprover(record, user) || isSender(record, user)) return fail(403, 'not-approver', 'Only a named approver can read the message');
  const now = context.now();
  const status = effectiveStatus(record, now);
  if (record.blobId === null && record.shreddedAt === null) return fail(404, 'no-content', 'The sender did not include the message');
  if (status === 'expired') return expiredRefusal();
  const retained = status === 'pending' || (record.decidedAt !== null && now < record.decidedAt + context.settings.retentionDays * DAY_MS);
  if (!retained || record.wrappedKey === null || record.kekId === null || record.blobId === null || record.noncePrefix === null) {
    return fail(410, 'shredded', 'The message is no longer kept');
  }
  const key = unwrapKey(context.keyring, { kekId: record.kekId, wrapped: record.wrappedKey }, id);
  const pieces: Buffer[] = [];
  for await (const piece of openStream(context.storage.blobs.read(blobKey(record.blobId, 'content')), {
    key,
    noncePrefix: record.noncePrefix,
    context: CONTENT_CONTEXT(id),
  })) {
    pieces.push(piece);
  }
  return succeed(JSON.parse(Buffer.concat(pieces).toString('utf8')) as ApprovalContent);
}

export interface PurgeApprovalsReport {
  readonly shredded: number;
  readonly purged: number;
}

/** Key first, then blob, like links: after the key is gone the blob is noise, also in any backup. */
export async function purgeApprovals(context: ApprovalContext): Promise<PurgeApprovalsReport> {
  const { meta, blobs } = context.storage;
  const now = context.now();
  const toShred = await meta.approvalsToShred(now, now - context.settings.retentionDays * DAY_MS);
  for (const id of toShred) await meta.shredApproval(id, now);
  const toPurge = await meta.approvalsToPurge();
  for (const [id, blobId] of toPurge) {
    if (blobId !== '') await blobs.deletePackage(blobId);
    await meta.markApprovalPurged(id, now);
  }
  return { shredded: toShred.length, purged: toPurge.length };
}
