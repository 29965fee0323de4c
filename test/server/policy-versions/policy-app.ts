// A real app (buildApp) on 127.0.0.1 with a data directory (so policy versions are stored in SQLite) and
// a stand-in Entra ID where `admin-oid` is a Preflight administrator and everyone else is not.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.js';
import type { ServerConfig } from '../../../src/server/config.js';
import { DEFAULT_LINK_LIMITS } from '../../../src/server/links/link-limits.js';
import { logCapture, type LogRecord, type Workspace } from '../fixtures.js';
import { KEK } from '../links/harness.js';
import type { TestIdentity } from '../support/identity.js';

export const ADMIN = 'admin-oid';

export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly text: string;
}

export interface PolicyApp {
  readonly app: FastifyInstance;
  readonly logs: LogRecord[];
  /** Calls the server over HTTP; `oid` null sends no token. */
  call(method: string, path: string, oid: string | null, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

/** The server configuration with a data directory, `<workspace>/data`, where the versions live. */
export function storedPolicyConfig(files: Workspace, identity: TestIdentity, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return files.config({
    logLevel: 'info',
    auth: identity.auth,
    links: {
      dataDirectory: join(files.directory, 'data'),
      keyring: { kind: 'inline', entries: [`app-1:${KEK}`] },
      smtp: null,
      limits: DEFAULT_LINK_LIMITS,
    },
    ...overrides,
  });
}

/** Starts (or, on the same workspace, restarts) the app. */
export async function startPolicyApp(files: Workspace, identity: TestIdentity, overrides: Partial<ServerConfig> = {}): Promise<PolicyApp> {
  const capture = logCapture();
  const app = await buildApp(storedPolicyConfig(files, identity, overrides), { logStream: capture.stream });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    logs: capture.records,
    async call(method, path, oid, body) {
      const headers: Record<string, string> = oid === null ? {} : { authorization: `Bearer ${await identity.token(oid)}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = {};
      }
      return { status: response.status, json, text };
    },
    close: () => app.close(),
  };
}
