import type { KeyringSource } from '../crypto/keyring-source.js';
import type { SmtpConfig } from '../mail/code-mailer.js';
import { parseBlobLocation, type BlobLocation } from '../storage/blob-location.js';
import { DEFAULT_LINK_LIMITS, type LinkLimits } from './link-limits.js';

/** Secure-link mode's configuration: where data lives, the keys, the mail relay, the bounds. */
export interface LinkConfig {
  readonly dataDirectory: string;
  /** PREFLIGHT_DATABASE_URL: PostgreSQL shared by several instances; absent, the embedded SQLite store. */
  readonly databaseUrl?: string;
  /** PREFLIGHT_BLOB_URL: where encrypted file contents live (docs/storage.md); absent, `<data>/blobs`. */
  readonly blobLocation?: BlobLocation;
  readonly keyring: KeyringSource;
  readonly smtp: SmtpConfig | null;
  readonly limits: LinkLimits;
}

export type LinkEnvironmentResult =
  { readonly ok: true; readonly config: LinkConfig } | { readonly ok: false; readonly problems: readonly string[] };

type Value = (name: string) => string | undefined;

/** Settings that the policy owns now: a server that still has them set says so instead of ignoring them. */
const MOVED_TO_POLICY: ReadonlyArray<readonly [string, string]> = [
  ['PREFLIGHT_LINK_EXPIRY_DAYS', 'expiryDays'],
  ['PREFLIGHT_LINK_MAX_DOWNLOADS', 'maxDownloads'],
  ['PREFLIGHT_LINK_REQUIRE_CODE', 'requireCode'],
];
type Path = (name: string, fallback: string) => string;

function wholeNumber(value: Value, name: string, fallback: number, low: number, high: number, problems: string[]): number {
  const text = value(name);
  if (text === undefined) return fallback;
  const number = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= low && number <= high)) {
    problems.push(`${name} must be a whole number from ${low} to ${high}, not ${JSON.stringify(text)}`);
    return fallback;
  }
  return number;
}

function flag(value: Value, name: string, fallback: boolean, problems: string[]): boolean {
  const text = value(name)?.toLowerCase();
  if (text === undefined) return fallback;
  if (text === 'true' || text === '1' || text === 'yes') return true;
  if (text === 'false' || text === '0' || text === 'no') return false;
  problems.push(`${name} must be true or false, not ${JSON.stringify(text)}`);
  return fallback;
}

function smtp(value: Value, problems: string[]): SmtpConfig | null {
  const host = value('PREFLIGHT_SMTP_HOST');
  if (host === undefined) return null;
  const port = wholeNumber(value, 'PREFLIGHT_SMTP_PORT', 587, 1, 65535, problems);
  const secure = flag(value, 'PREFLIGHT_SMTP_SECURE', port === 465, problems);
  const from = value('PREFLIGHT_SMTP_FROM');
  if (from === undefined) problems.push('PREFLIGHT_SMTP_FROM is needed with PREFLIGHT_SMTP_HOST (the sender of one-time code mails)');
  const user = value('PREFLIGHT_SMTP_USER');
  const password = value('PREFLIGHT_SMTP_PASSWORD');
  if ((user === undefined) !== (password === undefined))
    problems.push('PREFLIGHT_SMTP_USER and PREFLIGHT_SMTP_PASSWORD must be set together');
  return {
    host,
    port,
    secure,
    from: from ?? '',
    ...(user === undefined ? {} : { user }),
    ...(password === undefined ? {} : { password }),
    rejectUnauthorized: flag(value, 'PREFLIGHT_SMTP_VERIFY_TLS', true, problems),
  };
}

/**
 * PREFLIGHT_DATA, PREFLIGHT_DATABASE_URL, PREFLIGHT_BLOB_URL (with AZURE_STORAGE_CONNECTION_STRING or AWS_REGION), PREFLIGHT_KEKS / PREFLIGHT_KEK_FILE / PREFLIGHT_KEK_ACTIVE, PREFLIGHT_SMTP_* and
 * PREFLIGHT_LINK_* (docs/protection.md lists them all).
 */
export function readLinkEnvironment(value: Value, path: Path): LinkEnvironmentResult {
  const problems: string[] = [];
  const dataDirectory = path('PREFLIGHT_DATA', '.data');
  const inline = value('PREFLIGHT_KEKS');
  const file = value('PREFLIGHT_KEK_FILE');
  const activeId = value('PREFLIGHT_KEK_ACTIVE');
  if (inline !== undefined && file !== undefined) problems.push('set PREFLIGHT_KEKS or PREFLIGHT_KEK_FILE, not both');
  let keyring: KeyringSource = { kind: 'generated', dataDirectory };
  if (inline !== undefined)
    keyring = {
      kind: 'inline',
      entries: inline.split(/[\s,]+/).filter((entry) => entry !== ''),
      ...(activeId === undefined ? {} : { activeId }),
    };
  else if (file !== undefined)
    keyring = { kind: 'file', path: path('PREFLIGHT_KEK_FILE', file), ...(activeId === undefined ? {} : { activeId }) };
  else if (activeId !== undefined) problems.push('PREFLIGHT_KEK_ACTIVE needs PREFLIGHT_KEKS or PREFLIGHT_KEK_FILE');

  const databaseUrl = value('PREFLIGHT_DATABASE_URL');
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl))
      problems.push('PREFLIGHT_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database)');
    // The generated key lies in one instance's data directory: the others could not open what it sealed.
    if (keyring.kind === 'generated')
      problems.push(
        'PREFLIGHT_DATABASE_URL needs PREFLIGHT_KEKS or PREFLIGHT_KEK_FILE: every instance sharing the database must have the same key-encryption keys',
      );
  }

  const blobs = parseBlobLocation(value('PREFLIGHT_BLOB_URL'), dataDirectory, {
    connectionString: value('AZURE_STORAGE_CONNECTION_STRING'),
    awsRegion: value('AWS_REGION') ?? value('AWS_DEFAULT_REGION'),
  });
  if (!blobs.ok) problems.push(blobs.problem);

  const relay = smtp(value, problems);
  for (const [name, key] of MOVED_TO_POLICY) {
    if (value(name) !== undefined)
      problems.push(`${name} is now the policy key attachments.protection.link.${key}; set it in the policy and remove ${name}`);
  }
  const d = DEFAULT_LINK_LIMITS;
  const limits: LinkLimits = {
    ...d,
    maxExpiryDays: wholeNumber(value, 'PREFLIGHT_LINK_MAX_EXPIRY_DAYS', d.maxExpiryDays, 1, 30, problems),
    maxFileBytes: wholeNumber(value, 'PREFLIGHT_LINK_MAX_FILE_MB', d.maxFileBytes / 1048576, 1, 4096, problems) * 1048576,
    maxPackageBytes: wholeNumber(value, 'PREFLIGHT_LINK_MAX_PACKAGE_MB', d.maxPackageBytes / 1048576, 1, 16384, problems) * 1048576,
  };
  if (problems.length > 0 || !blobs.ok) return { ok: false, problems };
  return {
    ok: true,
    config: {
      dataDirectory,
      ...(databaseUrl === undefined ? {} : { databaseUrl }),
      blobLocation: blobs.location,
      keyring,
      smtp: relay,
      limits,
    },
  };
}
