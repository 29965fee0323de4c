import { IntegrityError } from '../crypto/chunk-cipher.js';
import { unwrapKey } from '../crypto/keyring.js';
import { openStream, type StreamKey } from '../crypto/sealed-stream.js';
import { hashOneTimeCode, hashToken, newOneTimeCode, sameBytes } from '../crypto/secrets.js';
import type { Locale } from '../../i18n/locale.js';
import { blobKey, isBlobNotFound } from '../storage/blob-store.js';
import type { AuditEntry, AuditResult, FileRecord, RecipientView } from '../storage/records.js';
import type { LinkContext } from './link-context.js';

export interface Client {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** Why a recipient is refused; the page shows the matching string `links.page.<reason>`. */
export type Refusal =
  | 'notFound'
  | 'expired'
  | 'revoked'
  | 'locked'
  | 'limit'
  | 'badCode'
  | 'codeRequired'
  | 'codeExpired'
  | 'tooSoon'
  | 'mailFailed'
  | 'badFile'
  | 'codeNotNeeded'
  | 'integrity';

export const REFUSAL_STATUS: Readonly<Record<Refusal, number>> = {
  notFound: 404,
  expired: 410,
  revoked: 410,
  locked: 423,
  limit: 410,
  badCode: 403,
  codeRequired: 403,
  codeExpired: 403,
  tooSoon: 429,
  mailFailed: 503,
  badFile: 404,
  codeNotNeeded: 409,
  integrity: 500,
};

const AUDIT_RESULT: Readonly<Record<Refusal, AuditResult>> = {
  notFound: 'not-found',
  expired: 'expired',
  revoked: 'revoked',
  locked: 'locked',
  limit: 'limit',
  badCode: 'bad-code',
  codeRequired: 'code-required',
  codeExpired: 'code-expired',
  tooSoon: 'too-soon',
  mailFailed: 'mail-failed',
  badFile: 'bad-file',
  codeNotNeeded: 'code-not-needed',
  integrity: 'integrity',
};

export interface LinkPage {
  readonly view: RecipientView;
  /** Downloads left per file id. */
  readonly left: ReadonlyMap<string, number>;
  /** Wrong codes still allowed before the link locks. */
  readonly attemptsLeft: number;
}

export type PageOutcome =
  { readonly ok: true; readonly page: LinkPage } | { readonly ok: false; readonly refusal: Refusal; readonly page: LinkPage | null };

export interface Download {
  readonly file: FileRecord;
  readonly content: AsyncGenerator<Buffer>;
}

export type DownloadOutcome =
  { readonly ok: true; readonly download: Download } | { readonly ok: false; readonly refusal: Refusal; readonly page: LinkPage | null };

const USER_AGENT_LIMIT = 512;

/**
 * How often a running download asks the store whether its link was revoked. Through the store, not this
 * process's memory, because several server instances may share one database; once a second rather than
 * at every 64 KiB chunk, which at loopback speed would be thousands of reads a second.
 */
export const REVOCATION_CHECK_MS = 1000;

/** Ends a download whose link was revoked while it ran; the response is cut off, never completed. */
export class DownloadRevoked extends Error {
  override readonly name = 'DownloadRevoked';
}

async function revokedNow(context: LinkContext, packageId: string): Promise<boolean> {
  const current = await context.storage.meta.packageById(packageId);
  return current === null || current.package.revokedAt !== null;
}

async function record(
  context: LinkContext,
  view: RecipientView,
  client: Client,
  entry: Pick<AuditEntry, 'action' | 'result'> & Partial<Pick<AuditEntry, 'fileId' | 'bytes'>>,
): Promise<void> {
  await context.storage.meta.appendAudit({
    at: context.now(),
    packageId: view.package.id,
    recipientId: view.recipient.id,
    fileId: entry.fileId ?? null,
    action: entry.action,
    result: entry.result,
    actor: null,
    ip: client.ip,
    userAgent: client.userAgent === null ? null : client.userAgent.slice(0, USER_AGENT_LIMIT),
    bytes: entry.bytes ?? 0,
  });
}

async function page(context: LinkContext, view: RecipientView): Promise<LinkPage> {
  const counts = await context.storage.meta.downloadCounts(view.package.id);
  const left = new Map<string, number>();
  for (const file of view.files) {
    const used = counts.find((count) => count.recipientId === view.recipient.id && count.fileId === file.id)?.count ?? 0;
    left.set(file.id, Math.max(0, view.package.maxDownloads - used));
  }
  return { view, left, attemptsLeft: Math.max(0, context.limits.codeAttempts - view.recipient.failedCodes) };
}

/** The state that refuses everything, whatever the request; an expired key is shredded on sight. */
async function standing(context: LinkContext, view: RecipientView): Promise<Refusal | null> {
  const now = context.now();
  if (view.package.revokedAt !== null) return 'revoked';
  if (now >= view.package.expiresAt || view.package.wrappedKey === null) {
    if (view.package.wrappedKey !== null) await context.storage.meta.shredKey(view.package.id, now);
    return 'expired';
  }
  if (view.recipient.lockedAt !== null) return 'locked';
  return null;
}

function dataKey(context: LinkContext, view: RecipientView): Buffer {
  const { kekId, wrappedKey } = view.package;
  if (kekId === null || wrappedKey === null) throw new IntegrityError();
  return unwrapKey(context.keyring, { kekId, wrapped: wrappedKey }, view.package.id);
}

async function find(context: LinkContext, token: string): Promise<RecipientView | null> {
  return context.storage.meta.recipientByTokenHash(hashToken(token));
}

/** GET: reads only. Nothing is counted or consumed, because mail scanners open links before people do. */
export async function viewLink(context: LinkContext, token: string, client: Client): Promise<PageOutcome> {
  const view = await find(context, token);
  if (view === null) return { ok: false, refusal: 'notFound', page: null };
  const refusal = await standing(context, view);
  await record(context, view, client, { action: 'view', result: refusal === null ? 'ok' : AUDIT_RESULT[refusal] });
  if (refusal !== null) return { ok: false, refusal, page: null };
  return { ok: true, page: await page(context, view) };
}

/** POST …/otp: a fresh code to the recipient's own address; the stored form is an HMAC. */
export async function sendCode(context: LinkContext, token: string, client: Client, locale: Locale): Promise<PageOutcome> {
  const view = await find(context, token);
  if (view === null) return { ok: false, refusal: 'notFound', page: null };
  const refuse = async (refusal: Refusal, shown: boolean): Promise<PageOutcome> => {
    await record(context, view, client, { action: 'code-sent', result: AUDIT_RESULT[refusal] });
    return { ok: false, refusal, page: shown ? await page(context, view) : null };
  };
  const refusal = await standing(context, view);
  if (refusal !== null) return refuse(refusal, false);
  if (!view.package.otpRequired) return refuse('codeNotNeeded', true);
  if (context.mailer === null) return refuse('mailFailed', true);
  const now = context.now();
  const code = newOneTimeCode(context.limits.codeDigits);
  const codeHash = hashOneTimeCode(dataKey(context, view), view.recipient.id, code);
  const saved = await context.storage.meta.saveChallenge(
    { recipientId: view.recipient.id, codeHash, sentAt: now, expiresAt: now + context.limits.codeMinutes * 60_000 },
    now - context.limits.codeResendSeconds * 1000,
  );
  if (!saved) return refuse('tooSoon', true);
  try {
    await context.mailer.send({ to: view.recipient.address, code, minutes: context.limits.codeMinutes, locale });
  } catch {
    // Only this code: a relay that took longer than the resend time may have let a newer one through.
    await context.storage.meta.deleteChallenge(view.recipient.id, codeHash);
    return refuse('mailFailed', true);
  }
  await record(context, view, client, { action: 'code-sent', result: 'ok' });
  return { ok: true, page: await page(context, view) };
}

async function checkCode(context: LinkContext, view: RecipientView, code: string | undefined): Promise<Refusal | null> {
  if (!view.package.otpRequired) return null;
  if (code === undefined || code === '') return 'codeRequired';
  const challenge = await context.storage.meta.challenge(view.recipient.id);
  if (challenge === null || context.now() >= challenge.expiresAt) return 'codeExpired';
  const { codeAttempts } = context.limits;
  // Claimed before comparing: requests sent at once must not try more codes than the attempts allow.
  if (!(await context.storage.meta.claimCodeAttempt(view.recipient.id, codeAttempts))) return 'locked';
  const right = sameBytes(challenge.codeHash, hashOneTimeCode(dataKey(context, view), view.recipient.id, code));
  const { locked } = await context.storage.meta.settleCodeAttempt(view.recipient.id, right, codeAttempts, context.now());
  if (right) return null;
  return locked ? 'locked' : 'badCode';
}

/** Decrypts the whole file once, discarding the output, so a damaged file sends not even its first byte. */
async function verifies(context: LinkContext, key: StreamKey, view: RecipientView, file: FileRecord): Promise<boolean> {
  try {
    for await (const plaintext of openStream(context.storage.blobs.read(blobKey(view.package.id, file.id)), key)) plaintext.fill(0);
    return true;
  } catch (error) {
    if (error instanceof IntegrityError || isBlobNotFound(error)) return false;
    throw error;
  }
}

/**
 * POST …/download: checks state, code and count, verifies the file, then streams it chunk by verified
 * chunk; a revocation while it runs ends the stream with DownloadRevoked (audited as `revoked`).
 */
export async function downloadFile(
  context: LinkContext,
  token: string,
  fileIndex: number,
  code: string | undefined,
  client: Client,
): Promise<DownloadOutcome> {
  const view = await find(context, token);
  if (view === null) return { ok: false, refusal: 'notFound', page: null };
  const file = view.files[fileIndex];
  const refuse = async (refusal: Refusal, shown: boolean): Promise<DownloadOutcome> => {
    await record(context, view, client, { action: 'download', result: AUDIT_RESULT[refusal], fileId: file?.id ?? null });
    const current = shown ? await find(context, token) : null;
    return { ok: false, refusal, page: current === null ? null : await page(context, current) };
  };
  const refusal = (await standing(context, view)) ?? (await checkCode(context, view, code));
  if (refusal !== null) return refuse(refusal, refusal !== 'locked' && refusal !== 'expired' && refusal !== 'revoked');
  if (file === undefined) return refuse('badFile', true);
  const used = (await context.storage.meta.downloadCounts(view.package.id)).find(
    (count) => count.recipientId === view.recipient.id && count.fileId === file.id,
  );
  if ((used?.count ?? 0) >= view.package.maxDownloads) return refuse('limit', true);

  const key: StreamKey = {
    key: dataKey(context, view),
    noncePrefix: file.noncePrefix,
    context: Buffer.from(`${view.package.id}/${file.id}`, 'utf8'),
  };
  if (!(await verifies(context, key, view, file))) return refuse('integrity', false);
  if (!(await context.storage.meta.reserveDownload(view.recipient.id, file.id, view.package.maxDownloads))) return refuse('limit', true);

  const found = view;
  const chosen = file;
  async function* content(): AsyncGenerator<Buffer> {
    let bytes = 0;
    let result: AuditResult = 'aborted';
    let checkedAt = context.now();
    try {
      for await (const plaintext of openStream(context.storage.blobs.read(blobKey(found.package.id, chosen.id)), key)) {
        if (context.now() - checkedAt >= REVOCATION_CHECK_MS) {
          checkedAt = context.now();
          if (await revokedNow(context, found.package.id)) {
            plaintext.fill(0);
            result = 'revoked';
            throw new DownloadRevoked();
          }
        }
        bytes += plaintext.length;
        yield plaintext;
      }
      result = 'ok';
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      result = 'integrity';
      throw error;
    } finally {
      await record(context, found, client, { action: 'download', result, fileId: chosen.id, bytes });
    }
  }
  return { ok: true, download: { file, content: content() } };
}
