// Blobs in an S3 bucket, or any store that speaks the S3 API. A blob larger than one part is a
// multipart upload completed at the end, so a reader sees it whole or not at all; an upload that fails
// is aborted, and one a crash leaves behind is removed by the bucket's lifecycle rule
// (AbortIncompleteMultipartUpload, docs/storage.md).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { BlobNotFoundError, blobObjectName, counted, isBlobKeyPart, type BlobStore } from './blob-store.js';

// S3 wants parts of 5 MiB at least but the last; 8 MiB keeps one upload's memory near that.
const PART_BYTES = 8 * 1024 * 1024;

export interface S3BlobSettings {
  readonly bucket: string;
  /** '' or a folder ending in '/'. */
  readonly prefix: string;
  readonly region: string;
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
}

export function s3Client(settings: S3BlobSettings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    // Checksums only where S3 requires them: several S3-compatible stores refuse the CRC32 headers the
    // SDK adds by default since 3.729 (https://github.com/aws/aws-sdk-js-v3/issues/6810). The sealed
    // chunks carry their own authentication tags (docs/protection.md), which catch any corruption.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
}

/** Takes pieces until `size` bytes are gathered (or the content ends); null when nothing was left. */
async function nextPart(pieces: AsyncIterator<Buffer>, carry: Buffer[], size: number): Promise<Buffer | null> {
  let bytes = carry.reduce((sum, piece) => sum + piece.length, 0);
  while (bytes < size) {
    const next = await pieces.next();
    if (next.done === true) break;
    carry.push(next.value);
    bytes += next.value.length;
  }
  if (bytes === 0) return null;
  const joined = Buffer.concat(carry.splice(0));
  if (joined.length > size) carry.push(joined.subarray(size));
  return joined.subarray(0, size);
}

export async function openS3BlobStore(client: S3Client, settings: S3BlobSettings): Promise<BlobStore> {
  const { bucket, prefix } = settings;
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    throw new Error(`the S3 bucket ${bucket} cannot be reached: ${(error as Error).name} ${(error as Error).message}`);
  }
  const nameOf = (key: string): string => blobObjectName(prefix, key);

  async function multipart(name: string, first: Buffer, pieces: AsyncIterator<Buffer>, carry: Buffer[]): Promise<void> {
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: name }));
    if (UploadId === undefined) throw new Error('S3 returned no upload id');
    try {
      const parts: CompletedPart[] = [];
      for (let part: Buffer | null = first; part !== null; part = await nextPart(pieces, carry, PART_BYTES)) {
        const PartNumber = parts.length + 1;
        const { ETag } = await client.send(new UploadPartCommand({ Bucket: bucket, Key: name, UploadId, PartNumber, Body: part }));
        parts.push({ PartNumber, ETag });
      }
      await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: name, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: name, UploadId })).catch(() => undefined);
      throw error;
    }
  }

  async function keysUnder(folder: string): Promise<string[]> {
    const keys: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, ContinuationToken }));
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      ContinuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (ContinuationToken !== undefined);
    return keys;
  }

  return {
    async write(key, content) {
      const name = nameOf(key);
      const counter = { bytes: 0 };
      const pieces = counted(content, counter)[Symbol.asyncIterator]();
      const carry: Buffer[] = [];
      const first = (await nextPart(pieces, carry, PART_BYTES)) ?? Buffer.alloc(0);
      const more = carry.length > 0 || counter.bytes >= PART_BYTES;
      if (!more) await client.send(new PutObjectCommand({ Bucket: bucket, Key: name, Body: first, ContentLength: first.length }));
      else await multipart(name, first, pieces, carry);
      return counter.bytes;
    },
    async *read(key) {
      let body: unknown;
      try {
        body = (await client.send(new GetObjectCommand({ Bucket: bucket, Key: nameOf(key) }))).Body;
      } catch (error) {
        if (isMissing(error)) throw new BlobNotFoundError(key);
        throw error;
      }
      if (body === undefined || body === null || typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] !== 'function') {
        throw new Error(`S3 returned no readable body for ${key}`);
      }
      for await (const piece of body as AsyncIterable<Uint8Array>)
        yield Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    },
    async deletePackage(packageId) {
      if (!isBlobKeyPart(packageId)) throw new Error('invalid blob key');
      // One by one: a package has at most a few dozen files, and DeleteObjects needs a checksum header
      // that not every S3-compatible store accepts.
      for (const name of await keysUnder(`${prefix}${packageId}/`))
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: name }));
    },
    async packageIds() {
      const ids: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken }));
        for (const common of page.CommonPrefixes ?? []) {
          const id = (common.Prefix ?? '').slice(prefix.length, -1);
          if (isBlobKeyPart(id)) ids.push(id);
        }
        ContinuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (ContinuationToken !== undefined);
      return ids;
    },
    async removeTemporary() {
      // Unfinished multipart uploads are the lifecycle rule's to remove (see the top of this file).
    },
  };
}
