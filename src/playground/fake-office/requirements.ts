/** The Mailbox requirement sets the playground can claim. */
export const MAILBOX_VERSIONS = ['1.12', '1.14', '1.15'] as const;
export type MailboxVersion = (typeof MAILBOX_VERSIONS)[number];

/**
 * Office.context.requirements.isSetSupported for a client that claims Mailbox up to `claimed`. Versions are
 * compared part by part, so "1.1" < "1.10"; a number argument is read as office.js reads it.
 */
export function isSetSupported(claimed: MailboxVersion, name: string, minVersion?: string | number): boolean {
  if (name.toLowerCase() !== 'mailbox') return false;
  if (minVersion === undefined) return true;
  const wanted = parseVersion(String(minVersion));
  if (wanted === null) return false;
  return compareVersions(wanted, parseVersion(claimed) ?? [0]) <= 0;
}

export function claimsAtLeast(claimed: MailboxVersion, version: string): boolean {
  return isSetSupported(claimed, 'Mailbox', version);
}

function parseVersion(text: string): number[] | null {
  if (!/^\d+(\.\d+)*$/.test(text.trim())) return null;
  return text.trim().split('.').map(Number);
}

function compareVersions(left: readonly number[], right: readonly number[]): number {
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
