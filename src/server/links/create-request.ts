import { normalizeAddress, type ProtectionPolicy } from '../../policy/index.js';
import type { CreateLinksRequest } from '../../protocol/index.js';
import { hiddenCharacterProblem } from '../api-hygiene/file-name-characters.js';
import type { LinkLimits } from './link-limits.js';

/** What the organisation's policy says about links (attachments.protection.link). */
export type LinkPolicy = ProtectionPolicy['link'];

const POLICY_PATH = 'attachments.protection.link';

/** POST /api/links body after the route's JSON schema: the add-in's request (src/protocol), and what a curl user may add. */
export interface CreateLinkBody extends Omit<CreateLinksRequest, 'files'> {
  readonly files: readonly (CreateLinksRequest['files'][number] & { readonly contentType?: string })[];
  readonly requireCode?: boolean;
}

export interface PackagePlan {
  readonly files: readonly { readonly name: string; readonly size: number; readonly contentType: string }[];
  readonly recipients: readonly string[];
  readonly expiryDays: number;
  readonly maxDownloads: number;
  readonly requireCode: boolean;
}

export type PlanResult = { readonly ok: true; readonly plan: PackagePlan } | { readonly ok: false; readonly problems: readonly string[] };

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
// The separators a browser or an OS would treat as a path; invisible characters are hiddenCharacterProblem's.
const PATH_SEPARATOR = /[/\\]/;

function formatBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/**
 * Checks what the schema cannot: addresses, names, sizes and bounds; every problem says which field.
 * Expiry, downloads and the one-time code default to the policy's values, which are also the most a
 * request may ask for (the server's own limits still apply on top).
 */
export function planPackage(body: CreateLinkBody, limits: LinkLimits, policy: LinkPolicy): PlanResult {
  const problems: string[] = [];
  if (body.files.length === 0) problems.push('files: at least one file is needed');
  if (body.files.length > limits.maxFiles) problems.push(`files: at most ${limits.maxFiles} files per link`);
  let total = 0;
  const names = new Set<string>();
  const files = body.files.map((file, index) => {
    const name = file.name.normalize('NFC').trim();
    const hidden = hiddenCharacterProblem(file.name);
    if (hidden !== null) problems.push(`files[${index}].name ${hidden}`);
    else if (name === '' || name === '.' || name === '..' || PATH_SEPARATOR.test(name)) {
      problems.push(`files[${index}].name: must be a file name without / or \\`);
    }
    if (names.has(name)) problems.push(`files[${index}].name: ${JSON.stringify(name)} appears twice`);
    names.add(name);
    if (file.size > limits.maxFileBytes)
      problems.push(`files[${index}].size: larger than the ${formatBytes(limits.maxFileBytes)} a file may have`);
    total += file.size;
    const contentType = (file.contentType ?? 'application/octet-stream').toLowerCase();
    if (!CONTENT_TYPE.test(contentType)) problems.push(`files[${index}].contentType: not a media type like application/pdf`);
    return { name, size: file.size, contentType };
  });
  if (total > limits.maxPackageBytes)
    problems.push(`files: together larger than the ${formatBytes(limits.maxPackageBytes)} a link may hold`);
  else if (total > policy.maxTotalBytes) {
    problems.push(
      `files: together larger than the ${formatBytes(policy.maxTotalBytes)} the policy allows for a link (${POLICY_PATH}.maxTotalBytes: ${policy.maxTotalBytes})`,
    );
  }

  if (body.recipients.length === 0) problems.push('recipients: at least one recipient is needed');
  if (body.recipients.length > limits.maxRecipients) problems.push(`recipients: at most ${limits.maxRecipients} recipients per link`);
  const recipients: string[] = [];
  body.recipients.forEach((address, index) => {
    const normalized = normalizeAddress(address.trim());
    if (normalized === null || /\s|[<>,;]/.test(normalized)) problems.push(`recipients[${index}]: not a mail address`);
    else if (!recipients.includes(normalized)) recipients.push(normalized);
  });

  const expiryDays = body.expiryDays ?? Math.min(policy.expiryDays, limits.maxExpiryDays);
  if (expiryDays < 1 || expiryDays > limits.maxExpiryDays) problems.push(`expiryDays: must be from 1 to ${limits.maxExpiryDays}`);
  else if (expiryDays > policy.expiryDays) {
    problems.push(`expiryDays: ${expiryDays} is more than the policy allows (${POLICY_PATH}.expiryDays: ${policy.expiryDays})`);
  }
  const maxDownloads = body.maxDownloads ?? Math.min(policy.maxDownloads, limits.maxDownloadsCeiling);
  if (maxDownloads < 1 || maxDownloads > limits.maxDownloadsCeiling)
    problems.push(`maxDownloads: must be from 1 to ${limits.maxDownloadsCeiling}`);
  else if (maxDownloads > policy.maxDownloads) {
    problems.push(`maxDownloads: ${maxDownloads} is more than the policy allows (${POLICY_PATH}.maxDownloads: ${policy.maxDownloads})`);
  }
  const requireCode = body.requireCode ?? policy.requireCode;
  if (policy.requireCode && !requireCode) {
    problems.push(`requireCode: the policy requires a one-time code for every link (${POLICY_PATH}.requireCode: true)`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { files, recipients, expiryDays, maxDownloads, requireCode } };
}
