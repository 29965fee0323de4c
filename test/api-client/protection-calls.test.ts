// The pane's protection calls against the real server over HTTP on 127.0.0.1, so the protocol parsers
// and the routes cannot drift apart.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, fetchAuthConfig, readProtectZipAnswer } from '../../src/api-client/index.js';
import { PROTECT_ZIP_PATH, type ProtectZipRequest } from '../../src/protocol/index.js';
import { buildApp } from '../../src/server/app.js';
import { workspace, type Workspace } from '../server/fixtures.js';
import { extractWithSevenZip } from '../server/zip/seven-zip.js';

const TOKEN = 'development-token-for-pane-calls';
let files: Workspace;
let app: FastifyInstance;
let origin = '';

beforeAll(async () => {
  files = workspace();
  app = await buildApp(files.config({ auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] } }));
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  files?.remove();
});

describe('protection calls', () => {
  it('reads the development sign-in from /api/auth-config', async () => {
    expect(await fetchAuthConfig(origin, 5_000)).toEqual({ mode: 'development', token: TOKEN });
  });

  /** What the pane's XMLHttpRequest sends (src/taskpane/upload-file.ts), with Node's fetch. */
  async function postZip(token: string, request: ProtectZipRequest): Promise<Response> {
    return fetch(`${origin}${PROTECT_ZIP_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  it('reads an AES-256 ZIP answer that 7-Zip opens with the password it came with', async () => {
    const content = Buffer.from('見積金額 1,234,567円\n'.repeat(50));
    const response = await postZip(TOKEN, {
      method: 'aes256',
      archiveName: '見積書',
      files: [{ name: '見積書.txt', contentBase64: content.toString('base64') }],
    });
    expect(response.status).toBe(200);
    const answer = readProtectZipAnswer(await response.text());
    expect(answer).toMatchObject({ name: '見積書.zip', method: 'aes256' });
    expect(answer.password.length).toBeGreaterThanOrEqual(16);
    const extracted = await extractWithSevenZip(Buffer.from(answer.contentBase64, 'base64'), answer.password);
    expect(extracted.run.code).toBe(0);
    expect(extracted.files.get('見積書.txt')?.equals(content)).toBe(true);
  });

  it.each([
    ['text that is not JSON', '<html>proxy error</html>', /not JSON/],
    ['JSON without the ZIP', '{"name":"a.zip","password":"x"}', /without a ZIP or its password/],
  ])('refuses an answer of %s with a bad-answer error', (_label, text, message) => {
    expect(() => readProtectZipAnswer(text)).toThrow(ApiError);
    expect(() => readProtectZipAnswer(text)).toThrow(message);
  });

  it('reports an origin that is not one, and a server that is not there', async () => {
    await expect(fetchAuthConfig('preflight.example', 1_000)).rejects.toMatchObject({ code: 'bad-origin' });
    await expect(fetchAuthConfig('http://127.0.0.1:9', 5_000)).rejects.toMatchObject({ code: 'network' });
  });
});
