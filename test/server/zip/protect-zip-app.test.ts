import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { logCapture, workspace, type LogRecord, type Workspace } from '../fixtures.js';
import { extractWithSevenZip } from './seven-zip.js';

const TOKEN = 'development-token-for-zip-tests';
const CONTENT = Buffer.from('見積金額: 1,234,567円 社外秘\n'.repeat(300));

let files: Workspace;
let app: FastifyInstance;
let logs: LogRecord[];

beforeEach(async () => {
  files = workspace();
  const capture = logCapture();
  logs = capture.records;
  app = await buildApp(files.config({ logLevel: 'trace', auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] } }), {
    logStream: capture.stream,
  });
});

afterEach(async () => {
  await app.close();
  files.remove();
});

const request = (authorization?: string) => ({
  method: 'POST' as const,
  url: '/api/protect/zip',
  headers: authorization === undefined ? {} : { authorization },
  payload: { files: [{ name: '見積書.txt', contentBase64: CONTENT.toString('base64') }] },
});

describe('POST /api/protect/zip in buildApp', () => {
  it('needs a bearer token', async () => {
    expect((await app.inject(request())).statusCode).toBe(401);
    expect((await app.inject(request('Bearer not-the-token'))).statusCode).toBe(401);
  });

  it('protects the attachments for a signed-in user, keeps nothing in the log, and is in the OpenAPI document', async () => {
    const response = await app.inject(request(`Bearer ${TOKEN}`));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{ name: string; password: string; contentBase64: string }>();
    expect(body.name).toBe('見積書.zip');
    const { run, files: extracted } = await extractWithSevenZip(Buffer.from(body.contentBase64, 'base64'), body.password);
    expect(run.code).toBe(0);
    expect(extracted.get('見積書.txt')?.equals(CONTENT)).toBe(true);
    const logged = logs.map((record) => JSON.stringify(record)).join('\n');
    expect(logged).toContain('Protected attachments as a ZIP');
    expect(logged).not.toContain(body.password);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('社外秘');
    const openApi = (await app.inject('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(openApi.paths)).toContain('/api/protect/zip');
  });
});
