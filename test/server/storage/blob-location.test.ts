import { describe, expect, it } from 'vitest';
import { describeBlobLocation, parseBlobLocation, type BlobLocationResult } from '../../../src/server/storage/blob-location.js';

const CONNECTION = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net';

function parse(text: string | undefined, env: { connectionString?: string; awsRegion?: string } = {}): BlobLocationResult {
  return parseBlobLocation(text, '/var/lib/preflight', env);
}

function problem(result: BlobLocationResult): string {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.location)}`);
  return result.problem;
}

describe('PREFLIGHT_BLOB_URL', () => {
  it('defaults to the blobs folder of the data directory', () => {
    expect(parse(undefined)).toEqual({ ok: true, location: { kind: 'file', root: '/var/lib/preflight/blobs' } });
  });

  it('takes an absolute file URL', () => {
    expect(parse('file:///mnt/share/preflight')).toEqual({ ok: true, location: { kind: 'file', root: '/mnt/share/preflight' } });
  });

  it('takes an Azure container with an optional folder, and needs the connection string', () => {
    expect(parse('azure://preflight-files/tenant-a/', { connectionString: CONNECTION })).toEqual({
      ok: true,
      location: { kind: 'azure', connectionString: CONNECTION, container: 'preflight-files', prefix: 'tenant-a/' },
    });
    expect(problem(parse('azure://preflight-files'))).toMatch(/needs AZURE_STORAGE_CONNECTION_STRING/);
    expect(problem(parse('azure://Preflight_Files', { connectionString: CONNECTION }))).toMatch(/container that Azure does not allow/);
  });

  it('takes an Azure container URL with a SAS token, and never shows the token', () => {
    const result = parse('https://acct.blob.core.windows.net/preflight-files/sub?sv=2024-01-01&sp=rwdl&sig=SECRET');
    expect(result).toEqual({
      ok: true,
      location: {
        kind: 'azure-sas',
        containerUrl: 'https://acct.blob.core.windows.net/preflight-files?sv=2024-01-01&sp=rwdl&sig=SECRET',
        container: 'preflight-files',
        prefix: 'sub/',
      },
    });
    if (result.ok) expect(describeBlobLocation(result.location)).not.toContain('SECRET');
    expect(problem(parse('https://acct.blob.core.windows.net/preflight-files'))).toMatch(/must carry a SAS token/);
    expect(problem(parse('https://files.example.com/preflight-files?sig=x'))).toMatch(/must be an Azure Blob Storage container URL/);
    expect(problem(parse('http://acct.blob.core.windows.net/c1c?sig=x'))).toMatch(/must use https/);
  });

  it('takes an S3 bucket with region, endpoint and path style', () => {
    expect(parse('s3://preflight.files/eu/?region=eu-central-1&endpoint=https%3A%2F%2Fs3.example.com&forcePathStyle=true')).toEqual({
      ok: true,
      location: {
        kind: 's3',
        bucket: 'preflight.files',
        prefix: 'eu/',
        region: 'eu-central-1',
        endpoint: 'https://s3.example.com',
        forcePathStyle: true,
      },
    });
    expect(parse('s3://preflight-files', { awsRegion: 'ap-northeast-1' })).toEqual({
      ok: true,
      location: { kind: 's3', bucket: 'preflight-files', prefix: '', region: 'ap-northeast-1', forcePathStyle: false },
    });
  });

  it('says what is wrong with a bad S3 URL', () => {
    expect(problem(parse('s3://preflight-files'))).toMatch(/needs a region/);
    expect(problem(parse('s3://preflight-files?region=x&acl=public'))).toMatch(/unknown option "acl"/);
    expect(problem(parse('s3://preflight-files?region=x&endpoint=http%3A%2F%2Fs3.example.com'))).toMatch(
      /https:\/\/ \(http:\/\/ only on loopback\)/,
    );
    expect(problem(parse('s3://preflight-files?region=x&forcePathStyle=yes'))).toMatch(/forcePathStyle must be true or false/);
    expect(problem(parse('s3://preflight-files/my%20files?region=x'))).toMatch(/not a plain folder name/);
  });

  it('refuses what is not one of the four', () => {
    expect(problem(parse('/var/data'))).toMatch(/^PREFLIGHT_BLOB_URL is not a URL/);
    expect(problem(parse('gs://bucket'))).toMatch(/unknown scheme gs:/);
  });
});
