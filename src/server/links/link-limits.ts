/**
 * The server's own bounds of the link mode. Defaults for expiry, downloads and the one-time code come
 * from the policy (attachments.protection.link), never from here.
 */
export interface LinkLimits {
  readonly maxExpiryDays: number;
  readonly maxDownloadsCeiling: number;
  readonly maxFiles: number;
  readonly maxRecipients: number;
  readonly maxFileBytes: number;
  readonly maxPackageBytes: number;
  readonly codeDigits: number;
  readonly codeMinutes: number;
  /** Wrong codes that lock a recipient's link. */
  readonly codeAttempts: number;
  /** A new code may be asked for only this long after the last one. */
  readonly codeResendSeconds: number;
  /** An upload left unfinished this long is removed by the purge job. */
  readonly unfinishedUploadMinutes: number;
  readonly purgeIntervalMinutes: number;
}

export const DEFAULT_LINK_LIMITS: LinkLimits = {
  maxExpiryDays: 30,
  maxDownloadsCeiling: 100,
  maxFiles: 20,
  maxRecipients: 50,
  maxFileBytes: 256 * 1024 * 1024,
  maxPackageBytes: 512 * 1024 * 1024,
  codeDigits: 6,
  codeMinutes: 10,
  codeAttempts: 5,
  codeResendSeconds: 60,
  unfinishedUploadMinutes: 60,
  purgeIntervalMinutes: 15,
};

export const DAY_MS = 24 * 60 * 60 * 1000;
