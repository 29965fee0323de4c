import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLoopbackOrigin } from '../loopback.js';

/** Where the encrypted file contents live (PREFLIGHT_BLOB_URL, docs/storage.md). */
export type BlobLocation =
  | { readonly kind: 'file'; readonly root: string }
  | { readonly kind: 'azure'; readonly connectionString: string; readonly container: string; readonly prefix: string }
  /** A container URL carrying its own SAS token: https://<account>.blob.core.windows.net/<container>?sv=…&sig=… */
  | { readonly kind: 'azure-sas'; readonly containerUrl: string; readonly container: string; readonly prefix: string }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      readonly prefix: string;
      readonly region: string;
      readonly endpoint?: string;
      readonly forcePathStyle: boolean;
    };

export type BlobLocationResult = { readonly ok: true; readonly location: BlobLocation } | { readonly ok: false; readonly problem: string };

// https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
const AZURE_CONTAINER = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const S3_BUCKET = /^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_PART = /^[A-Za-z0-9_.-]{1,64}$/;

function fail(problem: string): BlobLocationResult {
  return { ok: false, problem: `PREFLIGHT_BLOB_URL ${problem}` };
}

/** A path below the container or bucket, given without slashes at its ends; '' or 'a/b/'. */
function prefixOf(path: string): string | null {
  const parts = path.split('/').filter((part) => part !== '');
  if (!parts.every((part) => PREFIX_PART.test(part) && part !== '.' && part !== '..')) return null;
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

/** Where blobs go when PREFLIGHT_BLOB_URL is unset: `<data>/blobs`. */
export function defaultBlobLocation(dataDirectory: string): BlobLocation {
  return { kind: 'file', root: join(dataDirectory, 'blobs') };
}

/** The location without its secrets, for start-up lines and errors. */
export function describeBlobLocation(location: BlobLocation): string {
  switch (location.kind) {
    case 'file':
      return location.root;
    case 'azure':
      return `azure://${location.container}/${location.prefix}`;
    case 'azure-sas':
      return `${location.containerUrl.split('?')[0] ?? ''}/${location.prefix}`;
    case 's3':
      return `s3://${location.bucket}/${location.prefix}${location.endpoint === undefined ? '' : ` at ${location.endpoint}`}`;
  }
}

function parseAzure(url: URL, connectionString: string | undefined): BlobLocationResult {
  if (!AZURE_CONTAINER.test(url.hostname))
    return fail(`names a container that Azure does not allow (3 to 63 lowercase letters, digits and single hyphens): ${url.hostname}`);
  if (connectionString === undefined)
    return fail("azure://… needs AZURE_STORAGE_CONNECTION_STRING (the storage account's connection string)");
  const prefix = prefixOf(url.pathname);
  if (prefix === null) return fail(`has a path that is not a plain folder name: ${url.pathname}`);
  return { ok: true, location: { kind: 'azure', connectionString, container: url.hostname, prefix } };
}

function parseAzureSas(url: URL): BlobLocationResult {
  const local = isLoopbackOrigin(url.origin);
  if (!url.hostname.endsWith('.blob.core.windows.net') && !local) {
    return fail(
      `https://… must be an Azure Blob Storage container URL (https://<account>.blob.core.windows.net/<container>?<SAS token>), not ${url.hostname}`,
    );
  }
  if (!url.searchParams.has('sig')) return fail('https://… must carry a SAS token with read, write, delete and list rights (…?sv=…&sig=…)');
  // Azurite serves http://127.0.0.1:10000/<account>/<container>: the account is the first part there.
  const parts = url.pathname.split('/').filter((part) => part !== '');
  const containerIndex = local ? 1 : 0;
  const container = parts[containerIndex];
  if (container === undefined || !AZURE_CONTAINER.test(container)) return fail(`does not name a valid container: ${url.pathname}`);
  const prefix = prefixOf(parts.slice(containerIndex + 1).join('/'));
  if (prefix === null) return fail(`has a path that is not a plain folder name: ${url.pathname}`);
  const containerUrl = `${url.origin}/${parts.slice(0, containerIndex + 1).join('/')}${url.search}`;
  return { ok: true, location: { kind: 'azure-sas', containerUrl, container, prefix } };
}

const S3_OPTIONS = new Set(['region', 'endpoint', 'forcePathStyle']);

function parseS3(url: URL, defaultRegion: string | undefined): BlobLocationResult {
  if (!S3_BUCKET.test(url.hostname))
    return fail(`names a bucket that S3 does not allow (3 to 63 lowercase letters, digits, dots and hyphens): ${url.hostname}`);
  for (const key of url.searchParams.keys()) {
    if (!S3_OPTIONS.has(key)) return fail(`has an unknown option ${JSON.stringify(key)}; s3://… takes region, endpoint and forcePathStyle`);
  }
  const prefix = prefixOf(url.pathname);
  if (prefix === null) return fail(`has a path that is not a plain folder name: ${url.pathname}`);
  const region = url.searchParams.get('region') ?? defaultRegion;
  if (region === undefined || region === '') return fail('s3://… needs a region (?region=ap-northeast-1 or AWS_REGION)');
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(endpoint);
    } catch {
      return fail(`has an endpoint that is not a URL: ${endpoint}`);
    }
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackOrigin(parsed.origin)))
      return fail(`endpoint must be https:// (http:// only on loopback): ${endpoint}`);
  }
  const pathStyle = url.searchParams.get('forcePathStyle');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false')
    return fail(`forcePathStyle must be true or false, not ${JSON.stringify(pathStyle)}`);
  return {
    ok: true,
    location: {
      kind: 's3',
      bucket: url.hostname,
      prefix,
      region,
      ...(endpoint === undefined ? {} : { endpoint }),
      forcePathStyle: pathStyle === 'true',
    },
  };
}

/**
 * Reads PREFLIGHT_BLOB_URL. Unset: `<data>/blobs`. `file:///absolute/path`; `azure://<container>[/prefix]`
 * with AZURE_STORAGE_CONNECTION_STRING; an Azure container URL with a SAS token; or
 * `s3://<bucket>[/prefix]?region=…&endpoint=…&forcePathStyle=true` with the AWS SDK's usual credentials.
 */
export function parseBlobLocation(
  text: string | undefined,
  dataDirectory: string,
  env: { readonly connectionString?: string | undefined; readonly awsRegion?: string | undefined },
): BlobLocationResult {
  if (text === undefined) return { ok: true, location: defaultBlobLocation(dataDirectory) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(
      `is not a URL (file:///path, azure://container, https://account.blob.core.windows.net/container?SAS or s3://bucket): ${text.slice(0, 80)}`,
    );
  }
  switch (url.protocol) {
    case 'file:': {
      const root = fileURLToPath(url);
      if (!isAbsolute(root) || url.search !== '') return fail(`file:// must name an absolute folder and nothing else: ${text}`);
      return { ok: true, location: { kind: 'file', root } };
    }
    case 'azure:':
      return parseAzure(url, env.connectionString);
    case 'https:':
    case 'http:':
      if (url.protocol === 'http:' && !isLoopbackOrigin(url.origin))
        return fail('must use https:// (http:// only on loopback, for Azurite)');
      return parseAzureSas(url);
    case 's3:':
      return parseS3(url, env.awsRegion);
    default:
      return fail(`has an unknown scheme ${url.protocol} (file:, azure:, https: or s3:)`);
  }
}
