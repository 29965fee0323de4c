// An audit export saved through the browser: the route answers a file, and a plain link could not carry
// the bearer token, so the bytes go through a Blob and an object URL. Fetched here rather than in
// src/api-client, which also compiles for classic Outlook's runtime, whose fetch has no binary answers.
import { ApiError, auditExportPath, httpError } from '../api-client/index.js';
import { describeError } from '../policy/index.js';
import type { AuditFilter } from '../protocol/index.js';
import type { ConsoleSource } from './console-source.js';

export type ExportFormat = 'csv' | 'jsonl';

const FILE_NAMES: Readonly<Record<ExportFormat, string>> = { csv: 'preflight-audit.csv', jsonl: 'preflight-audit.jsonl' };

async function exportBytes(source: ConsoleSource, filter: AuditFilter, format: ExportFormat): Promise<Blob> {
  const token = await source.token();
  try {
    const response = await fetch(`${source.origin}${auditExportPath(filter, format)}`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (!response.ok) throw httpError(response.status, await response.text().catch(() => ''));
    return await response.blob();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('network', describeError(error));
  }
}

export async function downloadExport(source: ConsoleSource, filter: AuditFilter, format: ExportFormat): Promise<void> {
  const url = URL.createObjectURL(await exportBytes(source, filter, format));
  const link = Object.assign(document.createElement('a'), { href: url, download: FILE_NAMES[format], rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the URL to the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
