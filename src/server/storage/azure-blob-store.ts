// Blobs in an Azure Blob Storage container (https://learn.microsoft.com/azure/storage/blobs/): each is
// a block blob uploaded as staged blocks and committed at the end, so a reader sees it whole or not at
// all; blocks of an upload that never commits are discarded by the service after seven days
// (https://learn.microsoft.com/rest/api/storageservices/put-block).
import { Readable } from 'node:stream';
import { BlobServiceClient, ContainerClient, RestError } from '@azure/storage-blob';
import { BlobNotFoundError, blobObjectName, counted, isBlobKeyPart, type BlobStore } from './blob-store.js';

// Sealed chunks are 64 KiB: blocks of 4 MiB, two in flight, keep an upload's memory near 8 MiB.
const BLOCK_BYTES = 4 * 1024 * 1024;
const BLOCKS_IN_FLIGHT = 2;

export interface AzureBlobSettings {
  readonly container: ContainerClient;
  /** '' or a folder ending in '/'. */
  readonly prefix: string;
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

export function azureContainerFromConnectionString(connectionString: string, container: string): ContainerClient {
  return BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
}

export function azureContainerFromUrl(containerUrl: string): ContainerClient {
  return new ContainerClient(containerUrl);
}

/**
 * Opens the store; with `create`, makes the container when it is missing (a connection string has the
 * right to), otherwise only checks it is there, since a SAS for one container cannot create it.
 */
export async function openAzureBlobStore(settings: AzureBlobSettings, create: boolean): Promise<BlobStore> {
  const { container, prefix } = settings;
  if (create) await container.createIfNotExists();
  else if (!(await container.exists())) throw new Error(`the Azure container ${container.containerName} does not exist`);
  const nameOf = (key: string): string => blobObjectName(prefix, key);
  return {
    async write(key, content) {
      const counter = { bytes: 0 };
      await container
        .getBlockBlobClient(nameOf(key))
        .uploadStream(Readable.from(counted(content, counter), { objectMode: false }), BLOCK_BYTES, BLOCKS_IN_FLIGHT);
      return counter.bytes;
    },
    async *read(key) {
      let body: NodeJS.ReadableStream | undefined;
      try {
        body = (await container.getBlobClient(nameOf(key)).download()).readableStreamBody;
      } catch (error) {
        if (isStatus(error, 404)) throw new BlobNotFoundError(key);
        throw error;
      }
      if (body === undefined) throw new Error(`Azure returned no body for ${key}`);
      for await (const piece of body) yield Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
    },
    async deletePackage(packageId) {
      if (!isBlobKeyPart(packageId)) throw new Error('invalid blob key');
      for await (const blob of container.listBlobsFlat({ prefix: `${prefix}${packageId}/` })) {
        await container.deleteBlob(blob.name, { deleteSnapshots: 'include' }).catch((error: unknown) => {
          if (!isStatus(error, 404)) throw error;
        });
      }
    },
    async packageIds() {
      const ids: string[] = [];
      for await (const item of container.listBlobsByHierarchy('/', { prefix })) {
        if (item.kind !== 'prefix') continue;
        const id = item.name.slice(prefix.length, -1);
        if (isBlobKeyPart(id)) ids.push(id);
      }
      return ids;
    },
    async removeTemporary() {
      // Nothing of ours: uncommitted blocks are the service's to discard.
    },
  };
}
