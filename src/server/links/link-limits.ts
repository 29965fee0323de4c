/** Bounds of the link mode; the defaults are the policy's (issue 3: 7 days, 1–30). */
export interface LinkLimits {
  readonly defaultExpiryDays: number;
  readonly maxExpiryDays: number;
  readonly defaultMaxDownloads: number;
  readonly maxDownloadsCeiling: number;
  readonly defaultCodeRequired: boolean;
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
  defaultExpiryDays: 7,
  maxExpiryDays: 30,
  defaultMaxDownloads: 3,
  maxDownloadsCeiling: 100,
  defaultCodeRequired: true,
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
