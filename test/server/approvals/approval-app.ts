// A real app (buildApp) on 127.0.0.1 with the development token for the sender, a stand-in Entra ID for
// approvers and strangers, and a local SMTP catcher as the relay.
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.js';
import type { ApprovalSettings } from '../../../src/server/approvals/approval-settings.js';
import { DEFAULT_LINK_LIMITS } from '../../../src/server/links/link-limits.js';
import { logCapture, workspace, type LogRecord, type Workspace } from '../fixtures.js';
import { KEK, mailCatcher, type CapturedMail, type RelayAnswer } from '../links/harness.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';

export const DEV_TOKEN = 'development-token-for-approval-tests';
export const SENDER = 'developer@localhost';
export const ORIGIN = 'https://localhost:3000';

export interface ApprovalApp {
  readonly app: FastifyInstance;
  readonly files: Workspace;
  readonly dataDirectory: string;
  readonly base: string;
  readonly mails: CapturedMail[];
  readonly logs: LogRecord[];
  /** A fresh Entra-shaped token for `<oid>@example.co.jp` (minted now, so it survives a moved clock). */
  token(oid: string): Promise<string>;
  call(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; bytes: Buffer; headers: Headers }>;
  close(): Promise<void>;
}

export async function startApprovalApp(
  options: { smtp?: boolean; relayAnswer?: RelayAnswer; settings?: Partial<ApprovalSettings>; policy?: object } = {},
): Promise<ApprovalApp> {
  const files = options.policy === undefined ? workspace() : workspace(options.policy);
  // Without a relay, a public origin (the token forced): on localhost a development server would catch the mail instead.
  const noRelay = options.smtp === false;
  const identity: TestIdentity = await startTestIdentity({ developmentToken: { token: DEV_TOKEN, forced: noRelay } });
  const catcher = await mailCatcher(options.relayAnswer);
  const dataDirectory = join(files.directory, 'data');
  const capture = logCapture();
  const app = await buildApp(
    files.config({
      logLevel: 'warn',
      ...(noRelay ? { publicOrigin: 'https://preflight.example.co.jp' } : {}),
      auth: identity.auth,
      links: {
        dataDirectory,
        keyring: { kind: 'inline', entries: [`app-1:${KEK}`] },
        smtp: noRelay ? null : { host: '127.0.0.1', port: catcher.port, secure: false, from: 'Preflight <no-reply@example.co.jp>' },
        limits: DEFAULT_LINK_LIMITS,
      },
      ...(options.settings === undefined ? {} : { approvals: options.settings }),
    }),
    { logStream: capture.stream },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    files,
    dataDirectory,
    base,
    mails: catcher.mails,
    logs: capture.records,
    token: (oid) => identity.token(oid),
    async call(method, path, token, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      let json: unknown = null;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch {
        json = null;
      }
      return { status: response.status, json, bytes, headers: response.headers };
    },
    async close() {
      await app.close();
      await catcher.close();
      await identity.close();
      files.remove();
    },
  };
}

/** A mail's text part decoded (nodemailer picks quoted-printable or base64 for Japanese text). */
export function mailText(mail: CapturedMail): string {
  const [head = '', ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let index = 0; index < joined.length; index += 1) {
      const hex = /^=([0-9A-F]{2})/.exec(joined.slice(index, index + 3));
      if (hex?.[1] !== undefined) {
        bytes.push(Number.parseInt(hex[1], 16));
        index += 2;
      } else bytes.push(...Buffer.from(joined[index] ?? '', 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}
