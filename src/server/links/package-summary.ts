import type { DownloadCount, PackageView } from '../storage/records.js';

export type PackageStatus = 'active' | 'expired' | 'revoked';

/** What the sender and admins see of a package: never tokens, keys or content. */
export interface PackageSummary {
  readonly id: string;
  readonly owner: string;
  readonly ownerEmail: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: PackageStatus;
  readonly revokedAt: string | null;
  readonly maxDownloads: number;
  readonly requireCode: boolean;
  readonly files: readonly { readonly id: string; readonly name: string; readonly size: number }[];
  readonly recipients: readonly { readonly id: string; readonly address: string; readonly downloads: number; readonly locked: boolean }[];
}

export function packageStatus(view: PackageView, now: number): PackageStatus {
  if (view.package.revokedAt !== null) return 'revoked';
  if (now >= view.package.expiresAt || view.package.wrappedKey === null) return 'expired';
  return 'active';
}

const iso = (time: number): string => new Date(time).toISOString();

export function summarize(view: PackageView, counts: readonly DownloadCount[], now: number): PackageSummary {
  const downloads = new Map<string, number>();
  for (const count of counts) downloads.set(count.recipientId, (downloads.get(count.recipientId) ?? 0) + count.count);
  const record = view.package;
  return {
    id: record.id,
    owner: record.ownerId,
    ownerEmail: record.ownerEmail,
    createdAt: iso(record.createdAt),
    expiresAt: iso(record.expiresAt),
    status: packageStatus(view, now),
    revokedAt: record.revokedAt === null ? null : iso(record.revokedAt),
    maxDownloads: record.maxDownloads,
    requireCode: record.otpRequired,
    files: view.files.map((file) => ({ id: file.id, name: file.name, size: file.size })),
    recipients: view.recipients.map((recipient) => ({
      id: recipient.id,
      address: recipient.address,
      downloads: downloads.get(recipient.id) ?? 0,
      locked: recipient.lockedAt !== null,
    })),
  };
}
