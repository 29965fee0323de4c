// Files to the secure-link API as one package: declare, upload each with progress, complete. Once the
// package exists, any failure revokes it, so nothing half-made lingers on the server.
import type { CompletedLinks, CreateLinksRequest, CreatedLinks } from '../protocol/index.js';
import type { ApiFailureCode } from './api-failure.js';
import { failureOf, type FailureCause } from './error-detail.js';

export interface SharePorts {
  createLinks(request: CreateLinksRequest): Promise<CreatedLinks>;
  /** Resolves once the server has the whole file; `onProgress` hears the bytes sent so far. */
  uploadLinkFile(uploadPath: string, bytes: Uint8Array<ArrayBuffer>, onProgress: (sentBytes: number) => void): Promise<void>;
  completeLinks(packageId: string): Promise<CompletedLinks>;
  revokeLinks(packageId: string): Promise<unknown>;
}

export interface FileToShare {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export type ShareStage = 'create' | 'upload' | 'complete';

export interface ShareProgress {
  readonly stage: ShareStage;
  /** During `upload`: bytes sent of all files together. */
  readonly sentBytes?: number;
  readonly totalBytes?: number;
}

export type Shared =
  | { readonly ok: true; readonly links: CompletedLinks; readonly withdraw: () => Promise<void> }
  | { readonly ok: false; readonly stage: ShareStage; readonly detail: string; readonly cause: ApiFailureCode | null };

export async function shareFiles(
  ports: SharePorts,
  files: readonly FileToShare[],
  recipients: readonly string[],
  onProgress: (progress: ShareProgress) => void,
): Promise<Shared> {
  onProgress({ stage: 'create' });
  let created: CreatedLinks;
  try {
    created = await ports.createLinks({ files: files.map((file) => ({ name: file.name, size: file.bytes.length })), recipients });
  } catch (error) {
    return { ok: false, stage: 'create', ...failureOf(error) };
  }
  const withdraw = async () => {
    await ports.revokeLinks(created.id).catch(() => undefined);
  };
  const failed = async (stage: ShareStage, failure: FailureCause): Promise<Shared> => {
    await withdraw();
    return { ok: false, stage, ...failure };
  };

  const totalBytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
  let sentBefore = 0;
  onProgress({ stage: 'upload', sentBytes: 0, totalBytes });
  for (const [index, file] of files.entries()) {
    const target = created.files[index];
    if (target === undefined || target.name !== file.name || target.size !== file.bytes.length) {
      return failed('upload', { detail: `the server declared different files than were sent (${file.name})`, cause: 'bad-answer' });
    }
    try {
      await ports.uploadLinkFile(target.uploadPath, file.bytes, (sent) =>
        onProgress({ stage: 'upload', sentBytes: sentBefore + Math.min(sent, file.bytes.length), totalBytes }),
      );
    } catch (error) {
      return failed('upload', failureOf(error, `${file.name}: `));
    }
    sentBefore += file.bytes.length;
  }

  onProgress({ stage: 'complete' });
  try {
    return { ok: true, links: await ports.completeLinks(created.id), withdraw };
  } catch (error) {
    return failed('complete', failureOf(error));
  }
}
