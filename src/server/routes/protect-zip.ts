import type { FastifyError, FastifyInstance } from 'fastify';
import { PROTECT_ZIP_PATH, ZIP_METHODS, type ProtectZipAnswer, type ProtectZipRequest } from '../../protocol/index.js';
import type { ServerConfig } from '../config.js';
import { entryNameProblem } from '../zip/entry-names.js';
import { protectFiles, type PlainFile } from '../zip/protect.js';
import { decodeStrictBase64 } from '../zip/strict-base64.js';
import { zipCryptoAllowed } from '../zip/zip-policy.js';
import { ZipLimitError } from '../zip/zip-source.js';

/** 25 MiB of attachments: what Exchange Online's default 35 MB message limit leaves after base64. */
export const DEFAULT_ZIP_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_ZIP_MAX_FILES = 50;

export type ProtectZipRouteOptions = Pick<ServerConfig, 'zipMaxBytes' | 'zipMaxFiles'>;

/** The answer carries what was written for each member too, for curl users and the tests. */
type ProtectZipReply = ProtectZipAnswer & {
  readonly entries: readonly { readonly name: string; readonly size: number; readonly compression: string }[];
};

class RequestProblem extends Error {
  readonly statusCode: number;
  constructor(statusCode: number, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB` : `${bytes}-byte`;
}

function archiveNameFor(body: ProtectZipRequest): string {
  if (body.archiveName !== undefined) return /\.zip$/i.test(body.archiveName) ? body.archiveName : `${body.archiveName}.zip`;
  const only = body.files.length === 1 ? body.files[0]?.name : undefined;
  if (only === undefined) return 'attachments.zip';
  const dot = only.lastIndexOf('.');
  return `${dot > 0 ? only.slice(0, dot) : only}.zip`;
}

// Built apart from the route so the OpenAPI fields (summary, description) need no schema type augmentation.
function protectZipSchema(maxFiles: number): object {
  return {
    summary: 'Protect attachments as one AES-256 (or, where policy allows, ZipCrypto) ZIP with a random password',
    body: {
      type: 'object',
      required: ['files'],
      additionalProperties: false,
      properties: {
        method: { type: 'string', enum: [...ZIP_METHODS], default: 'aes256' },
        archiveName: { type: 'string', minLength: 1, maxLength: 200 },
        files: {
          type: 'array',
          minItems: 1,
          maxItems: maxFiles,
          items: {
            type: 'object',
            required: ['name', 'contentBase64'],
            additionalProperties: false,
            properties: { name: { type: 'string', minLength: 1, maxLength: 255 }, contentBase64: { type: 'string' } },
          },
        },
      },
    },
    response: {
      200: {
        type: 'object',
        required: ['name', 'size', 'method', 'password', 'contentBase64', 'entries'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'File name for the ZIP attachment' },
          size: { type: 'integer', description: 'Bytes of the ZIP' },
          method: { type: 'string', enum: [...ZIP_METHODS] },
          password: { type: 'string', description: 'Shown to the sender once; the server keeps no copy' },
          contentBase64: { type: 'string' },
          entries: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'size', 'compression'],
              additionalProperties: false,
              properties: {
                name: { type: 'string' },
                size: { type: 'integer' },
                compression: { type: 'string', enum: ['store', 'deflate'] },
              },
            },
          },
        },
      },
    },
  };
}

/**
 * `POST /api/protect/zip`: the attachments in, one password-protected ZIP and its fresh password out.
 * JSON with base64 contents because that is what Office.js reads and writes (getAttachmentContentAsync,
 * addFileAttachmentFromBase64Async). Nothing is written to disk and nothing is kept: the password exists
 * only in this response, which is marked no-store.
 */
export async function protectZipRoutes(app: FastifyInstance, options: ProtectZipRouteOptions): Promise<void> {
  const maxBytes = options.zipMaxBytes ?? DEFAULT_ZIP_MAX_BYTES;
  const maxFiles = options.zipMaxFiles ?? DEFAULT_ZIP_MAX_FILES;
  // Base64 grows content by 4/3; the rest is names and JSON punctuation.
  const bodyLimit = Math.ceil(maxBytes / 3) * 4 + maxFiles * 1024 + 4096;
  const tooLarge = `The attachments exceed the ${describeBytes(maxBytes)} limit for a protected ZIP; send them as a secure link instead`;

  app.post<{ Body: ProtectZipRequest; Reply: ProtectZipReply }>(
    PROTECT_ZIP_PATH,
    {
      onRequest: app.authenticate,
      bodyLimit,
      // Fastify's own 413 does not say what the limit is or what to do instead; the app's handler formats both.
      errorHandler: (error: FastifyError) => {
        throw error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? new RequestProblem(413, tooLarge) : error;
      },
      schema: protectZipSchema(maxFiles),
    },
    async (request, reply) => {
      const body = request.body;
      const method = body.method ?? 'aes256';
      if (method === 'zipcrypto' && !zipCryptoAllowed(app.preflight.policy().policy)) {
        throw new RequestProblem(
          403,
          "ZipCrypto is weak and this organisation's policy does not allow it (attachments.protection.allowZipCrypto); use aes256",
        );
      }
      if (body.archiveName !== undefined) {
        const problem = entryNameProblem(body.archiveName);
        if (problem !== null) throw new RequestProblem(400, `archiveName ${problem}`);
      }
      const policyMaxBytes = app.preflight.policy().policy.attachments.protection.zip.maxTotalBytes;
      const overPolicy = `The attachments exceed the ${describeBytes(policyMaxBytes)} the policy allows for a protected ZIP (attachments.protection.zip.maxTotalBytes); send them as a secure link instead`;
      const files: PlainFile[] = [];
      let total = 0;
      for (const [index, file] of body.files.entries()) {
        const problem = entryNameProblem(file.name);
        if (problem !== null) throw new RequestProblem(400, `files[${index}].name ${problem}`);
        const content = decodeStrictBase64(file.contentBase64);
        if (content === null)
          throw new RequestProblem(400, `files[${index}].contentBase64 is not padded standard base64 without line breaks`);
        total += content.length;
        if (total > maxBytes) throw new RequestProblem(413, tooLarge);
        if (total > policyMaxBytes) throw new RequestProblem(413, overPolicy);
        files.push({ name: file.name, content });
      }
      const zipped = await protectFiles(files, method, new Date()).catch((error: unknown) => {
        throw error instanceof ZipLimitError ? new RequestProblem(413, error.message) : error;
      });
      request.log.info({ method, files: files.length, bytes: total, zipBytes: zipped.archive.length }, 'Protected attachments as a ZIP');
      return reply.header('Cache-Control', 'no-store').send({
        name: archiveNameFor(body),
        size: zipped.archive.length,
        method,
        password: zipped.password,
        contentBase64: zipped.archive.toString('base64'),
        entries: zipped.entries.map((entry) => ({ name: entry.name, size: entry.size, compression: entry.compression })),
      });
    },
  );
}
