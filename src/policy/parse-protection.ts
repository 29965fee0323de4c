// Reader for the `attachments` key: how attachments must be protected per recipient class.
import { readBoolean, readChoice, readField, readInteger, objectReader, type FieldReader } from './policy-fields.js';
import type { ProtectionMode, ProtectionPolicy, Severity } from './types.js';

export const ATTACHMENTS_KEYS = ['protection'] as const;
export const PROTECTION_KEYS = ['internal', 'external', 'onUnprotected', 'allowZipCrypto', 'zip', 'link'] as const;
export const ZIP_KEYS = ['maxTotalBytes'] as const;
export const LINK_KEYS = ['maxTotalBytes', 'expiryDays', 'maxDownloads', 'requireCode'] as const;
export const PROTECTION_MODES: readonly ProtectionMode[] = ['none', 'zip', 'link'];
export const UNPROTECTED_ACTIONS: readonly Severity[] = ['info', 'confirm', 'block'];

const MIB = 1024 * 1024;

/** Bounds of each size and count; the server enforces the same values. */
export const PROTECTION_LIMITS = Object.freeze({
  zipMaxTotalBytes: Object.freeze({ minimum: 1, maximum: 100 * MIB }),
  linkMaxTotalBytes: Object.freeze({ minimum: 1, maximum: 512 * MIB }),
  expiryDays: Object.freeze({ minimum: 1, maximum: 30 }),
  maxDownloads: Object.freeze({ minimum: 1, maximum: 100 }),
});

/**
 * Internal mail goes as it is. External mail gets a link: unlike a password ZIP (PPAP, dropped by the
 * Cabinet Office in 2020) a link can be revoked after a mis-send and lets no scanner-blind archive through.
 * 25 MiB is what Exchange Online accepts by default for a whole message; a link carries up to 100 MiB.
 * Seven days and three downloads cover a recipient who opens it twice on two devices, and the emailed
 * code stops a forwarded or mis-sent link from working for someone else.
 */
export const DEFAULT_PROTECTION: ProtectionPolicy = Object.freeze({
  internal: 'none',
  external: 'link',
  onUnprotected: 'confirm',
  allowZipCrypto: false,
  zip: Object.freeze({ maxTotalBytes: 25 * MIB }),
  link: Object.freeze({ maxTotalBytes: 100 * MIB, expiryDays: 7, maxDownloads: 3, requireCode: true }),
});

function range(limits: { readonly minimum: number; readonly maximum: number }): FieldReader<number> {
  return readInteger(limits.minimum, limits.maximum);
}

const readZip = objectReader(ZIP_KEYS, ' with "maxTotalBytes"', (record, path, problems) => ({
  maxTotalBytes: readField(
    record,
    'maxTotalBytes',
    path,
    problems,
    range(PROTECTION_LIMITS.zipMaxTotalBytes),
    DEFAULT_PROTECTION.zip.maxTotalBytes,
  ),
}));

const readLink = objectReader(LINK_KEYS, ' with "maxTotalBytes", "expiryDays", "maxDownloads", "requireCode"', (record, path, problems) => {
  const fallback = DEFAULT_PROTECTION.link;
  return {
    maxTotalBytes: readField(record, 'maxTotalBytes', path, problems, range(PROTECTION_LIMITS.linkMaxTotalBytes), fallback.maxTotalBytes),
    expiryDays: readField(record, 'expiryDays', path, problems, range(PROTECTION_LIMITS.expiryDays), fallback.expiryDays),
    maxDownloads: readField(record, 'maxDownloads', path, problems, range(PROTECTION_LIMITS.maxDownloads), fallback.maxDownloads),
    requireCode: readField(record, 'requireCode', path, problems, readBoolean, fallback.requireCode),
  };
});

const readMode = readChoice(PROTECTION_MODES);

const readProtection = objectReader(
  PROTECTION_KEYS,
  ' with "internal", "external", "onUnprotected", "allowZipCrypto", "zip", "link"',
  (record, path, problems): ProtectionPolicy => ({
    internal: readField(record, 'internal', path, problems, readMode, DEFAULT_PROTECTION.internal),
    external: readField(record, 'external', path, problems, readMode, DEFAULT_PROTECTION.external),
    onUnprotected: readField(record, 'onUnprotected', path, problems, readChoice(UNPROTECTED_ACTIONS), DEFAULT_PROTECTION.onUnprotected),
    allowZipCrypto: readField(record, 'allowZipCrypto', path, problems, readBoolean, DEFAULT_PROTECTION.allowZipCrypto),
    zip: readField(record, 'zip', path, problems, readZip, DEFAULT_PROTECTION.zip),
    link: readField(record, 'link', path, problems, readLink, DEFAULT_PROTECTION.link),
  }),
);

export const DEFAULT_ATTACHMENTS: { readonly protection: ProtectionPolicy } = Object.freeze({
  protection: DEFAULT_PROTECTION,
});

export const readAttachments = objectReader(ATTACHMENTS_KEYS, ' with "protection"', (record, path, problems) => ({
  protection: readField(record, 'protection', path, problems, readProtection, DEFAULT_PROTECTION),
}));
