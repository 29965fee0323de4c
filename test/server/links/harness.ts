import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SMTPServer } from 'smtp-server';
import type { AuthenticatedUser } from '../../../src/server/auth/user.js';
import { DEFAULT_FRAME_ANCESTORS } from '../../../src/server/config.js';
import { installErrorHandlers } from '../../../src/server/error-handler.js';
import { DEFAULT_PROTECTION } from '../../../src/policy/index.js';
import type { LinkPolicy } from '../../../src/server/links/create-request.js';
import { DEFAULT_LINK_LIMITS, type LinkLimits } from '../../../src/server/links/link-limits.js';
import { linkRoutes } from '../../../src/server/routes/links.js';
import type { Storage } from '../../../src/server/storage/open-storage.js';
import { securityHeaders } from '../../../src/server/security-headers.js';
import { logCapture, type LogRecord } from '../fixtures.js';

export const KEK = Buffer.alloc(32, 7).toString('base64');

export const USERS: ReadonlyMap<string, AuthenticatedUser> = new Map([
  ['owner-token', { id: 'tenant:taro', tenantId: 'tenant', email: 'taro@example.co.jp', isAdmin: false }],
  ['other-token', { id: 'tenant:jiro', tenantId: 'tenant', email: 'jiro@example.co.jp', isAdmin: false }],
  ['admin-token', { id: 'tenant:admin', tenantId: 'tenant', email: 'admin@example.co.jp', isAdmin: true }],
]);

/** Stands in for the auth plugin: a fixed bearer token per user. */
export function decorateTestAuth(app: FastifyInstance): void {
  app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    const user = USERS.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (user === undefined)
      return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'A valid bearer token is required' });
    request.user = user;
  });
  app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.user?.isAdmin !== true)
      return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'Administrators only' });
  });
}

export interface CapturedMail {
  readonly to: string;
  readonly raw: string;
}

/** A local SMTP relay on 127.0.0.1 that keeps every message. */
/** How the catcher answers a message to `to`: after the promise settles; a rejection refuses the message. */
export type RelayAnswer = (to: string) => Promise<void>;

export async function mailCatcher(
  answer: RelayAnswer = async () => undefined,
): Promise<{ port: number; mails: CapturedMail[]; close(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // A reverse DNS lookup of 127.0.0.1 can stall where no resolver answers.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const parts: Buffer[] = [];
      stream.on('data', (part: Buffer) => parts.push(part));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((address) => address.address).join(',');
        answer(to).then(
          () => {
            mails.push({ to, raw: Buffer.concat(parts).toString('utf8') });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The code in a captured mail: only the body carries it (the subject shows on lock screens). */
export function codeFrom(mail: CapturedMail): string {
  const body = mail.raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n');
  const decoded = /Content-Transfer-Encoding: base64/i.test(mail.raw)
    ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
    : body;
  const match = /(?<!\d)(\d{6})(?!\d)/.exec(decoded.replace(/=\r?\n/g, ''));
  if (match?.[1] === undefined) throw new Error(`no code in mail: ${mail.raw}`);
  return match[1];
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly dataDirectory: string;
  readonly mails: CapturedMail[];
  readonly logs: LogRecord[];
  readonly origin: string;
  /** Moves the injected clock. */
  advance(milliseconds: number): void;
  close(): Promise<void>;
}

/**
 * The policy's link settings of the harness: the defaults, except that a code is not required, so tests
 * about something else may create links without one; a test about the policy passes its own.
 */
export const HARNESS_LINK_POLICY: LinkPolicy = { ...DEFAULT_PROTECTION.link, requireCode: false };

export async function startHarness(
  overrides: {
    limits?: Partial<LinkLimits>;
    listen?: boolean;
    linkPolicy?: Partial<LinkPolicy>;
    /** Storage of the test's own in the data directory; the harness closes it. */
    storage?: (dataDirectory: string) => Promise<Storage>;
  } = {},
): Promise<Harness> {
  const linkPolicy: LinkPolicy = { ...HARNESS_LINK_POLICY, ...overrides.linkPolicy };
  const dataDirectory = mkdtempSync(join(tmpdir(), 'preflight-links-'));
  const catcher = await mailCatcher();
  const capture = logCapture();
  const storage = await overrides.storage?.(dataDirectory);
  let now = Date.parse('2026-11-22T09:00:00Z');
  const app = Fastify({ logger: { level: 'info', stream: capture.stream }, forceCloseConnections: true });
  installErrorHandlers(app);
  const config = { publicOrigin: 'https://preflight.example.co.jp', frameAncestors: DEFAULT_FRAME_ANCESTORS } as const;
  await app.register(
    helmet,
    securityHeaders({ ...config, policyFile: '', distDirectory: '', assetsDirectory: '', watchPolicy: false, logLevel: 'info' }),
  );
  decorateTestAuth(app);
  await app.register(linkRoutes, {
    config: {
      dataDirectory,
      keyring: { kind: 'inline', entries: [`test-1:${KEK}`] },
      smtp: { host: '127.0.0.1', port: catcher.port, secure: false, from: 'Preflight <no-reply@example.co.jp>' },
      limits: { ...DEFAULT_LINK_LIMITS, ...overrides.limits },
    },
    publicOrigin: config.publicOrigin,
    linkPolicy: () => linkPolicy,
    now: () => now,
    purgeJob: false,
    ...(storage === undefined ? {} : { storage }),
  });
  await app.ready();
  let origin = '';
  if (overrides.listen !== false) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }
  return {
    app,
    dataDirectory,
    mails: catcher.mails,
    logs: capture.records,
    origin,
    advance: (milliseconds) => {
      now += milliseconds;
    },
    close: async () => {
      await app.close();
      await storage?.meta.close();
      await catcher.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

export interface SharedLink {
  readonly id: string;
  readonly links: readonly { readonly recipient: string; readonly url: string }[];
}

export interface FileToShare {
  readonly name: string;
  readonly content: Buffer;
}

/** create → upload each file → complete, through inject as the pane would. */
export async function share(
  app: FastifyInstance,
  files: readonly FileToShare[],
  options: { recipients?: string[]; expiryDays?: number; maxDownloads?: number; requireCode?: boolean; token?: string } = {},
): Promise<SharedLink> {
  const authorization = `Bearer ${options.token ?? 'owner-token'}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/links',
    headers: { authorization },
    payload: {
      files: files.map((file) => ({ name: file.name, size: file.content.length })),
      recipients: options.recipients ?? ['hanako@partner.example'],
      ...(options.expiryDays === undefined ? {} : { expiryDays: options.expiryDays }),
      ...(options.maxDownloads === undefined ? {} : { maxDownloads: options.maxDownloads }),
      requireCode: options.requireCode ?? true,
    },
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const plan = created.json() as { id: string; files: { uploadPath: string }[] };
  for (const [index, file] of plan.files.entries()) {
    const uploaded = await app.inject({
      method: 'PUT',
      url: file.uploadPath,
      headers: { authorization, 'content-type': 'application/octet-stream' },
      payload: files[index]?.content ?? Buffer.alloc(0),
    });
    if (uploaded.statusCode !== 200) throw new Error(`upload failed: ${uploaded.statusCode} ${uploaded.body}`);
  }
  const completed = await app.inject({ method: 'POST', url: `/api/links/${plan.id}/complete`, headers: { authorization } });
  if (completed.statusCode !== 200) throw new Error(`complete failed: ${completed.statusCode} ${completed.body}`);
  return completed.json() as SharedLink;
}

/** The path part of a link (`/d/<token>`), for requests to the test server. */
export function linkPath(url: string): string {
  return new URL(url).pathname;
}
