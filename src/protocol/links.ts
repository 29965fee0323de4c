import { fieldsOf, instant, isCount, isText, listOf, type Fields } from './fields.js';
import { LINKS_PATH } from './paths.js';

export interface CreateLinksRequest {
  readonly files: readonly { readonly name: string; readonly size: number }[];
  readonly recipients: readonly string[];
  /** Omitted: the policy's values; a request may ask for less, never more. */
  readonly expiryDays?: number;
  readonly maxDownloads?: number;
  readonly requireCode?: boolean;
}

export interface CreatedLinks {
  readonly id: string;
  readonly expiresAt: string;
  readonly files: readonly { readonly id: string; readonly name: string; readonly size: number; readonly uploadPath: string }[];
}

export interface CompletedLinks {
  readonly id: string;
  readonly expiresAt: string;
  readonly links: readonly { readonly recipient: string; readonly url: string }[];
}

export type LinkStatus = 'active' | 'expired' | 'revoked';

export interface LinkSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: LinkStatus;
  readonly files: readonly { readonly name: string; readonly size: number }[];
  readonly recipients: readonly { readonly address: string; readonly downloads: number; readonly locked: boolean }[];
}

/** Null unless every declared file came back with an upload path under this package. */
export function parseCreatedLinks(value: unknown): CreatedLinks | null {
  const fields = fieldsOf(value);
  if (fields === null || !isText(fields['id']) || !instant(fields['expiresAt'])) return null;
  const id = fields['id'];
  const files = listOf(fields['files'], (file) => {
    const { id: fileId, name, size, uploadPath } = file;
    if (!isText(fileId) || !isText(name) || !isCount(size) || !isText(uploadPath) || !uploadPath.startsWith(`${LINKS_PATH}/`)) return null;
    return { id: fileId, name, size, uploadPath };
  });
  return files === null || files.length === 0 ? null : { id, expiresAt: fields['expiresAt'], files };
}

/** Null unless there is at least one link and each is an http(s) URL. */
export function parseCompletedLinks(value: unknown): CompletedLinks | null {
  const fields = fieldsOf(value);
  if (fields === null || !isText(fields['id']) || !instant(fields['expiresAt'])) return null;
  const links = listOf(fields['links'], ({ recipient, url }) =>
    isText(recipient) && isText(url) && /^https?:\/\/[^\s"<>]+$/i.test(url) ? { recipient, url } : null,
  );
  return links === null || links.length === 0 ? null : { id: fields['id'], expiresAt: fields['expiresAt'], links };
}

function readSummary(fields: Fields): LinkSummary | null {
  const { id, createdAt, expiresAt, status } = fields;
  if (!isText(id) || !instant(createdAt) || !instant(expiresAt)) return null;
  if (status !== 'active' && status !== 'expired' && status !== 'revoked') return null;
  const files = listOf(fields['files'], ({ name, size }) => (isText(name) && isCount(size) ? { name, size } : null));
  const recipients = listOf(fields['recipients'], ({ address, downloads, locked }) =>
    isText(address) && isCount(downloads) && typeof locked === 'boolean' ? { address, downloads, locked } : null,
  );
  return files === null || recipients === null ? null : { id, createdAt, expiresAt, status, files, recipients };
}

export function parseLinkSummary(value: unknown): LinkSummary | null {
  const fields = fieldsOf(value);
  return fields === null ? null : readSummary(fields);
}

/** `GET /api/links/mine`: `{ links: [...] }`. */
export function parseMyLinks(value: unknown): LinkSummary[] | null {
  const fields = fieldsOf(value);
  return fields === null ? null : listOf(fields['links'], readSummary);
}
