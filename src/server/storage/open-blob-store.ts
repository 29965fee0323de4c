import { azureContainerFromConnectionString, azureContainerFromUrl, openAzureBlobStore } from './azure-blob-store.js';
import { describeBlobLocation, type BlobLocation } from './blob-location.js';
import type { BlobStore } from './blob-store.js';
import { openFileBlobStore } from './file-blob-store.js';
import { openS3BlobStore, s3Client } from './s3-blob-store.js';

/** The store PREFLIGHT_BLOB_URL names, checked to be reachable; the error says which one was not. */
export async function openBlobStore(location: BlobLocation): Promise<BlobStore> {
  try {
    switch (location.kind) {
      case 'file':
        return await openFileBlobStore(location.root);
      case 'azure':
        return await openAzureBlobStore(
          { container: azureContainerFromConnectionString(location.connectionString, location.container), prefix: location.prefix },
          true,
        );
      case 'azure-sas':
        return await openAzureBlobStore({ container: azureContainerFromUrl(location.containerUrl), prefix: location.prefix }, false);
      case 's3':
        return await openS3BlobStore(s3Client(location), location);
    }
  } catch (error) {
    throw new Error(`cannot open the blob store ${describeBlobLocation(location)} (PREFLIGHT_BLOB_URL): ${(error as Error).message}`, {
      cause: error,
    });
  }
}
