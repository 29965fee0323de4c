// The real thing once: TLS with a generated development certificate, a listening socket on a port the
// system picks, one HTTPS request trusting only the generated CA, and a clean close.
import { request } from 'node:https';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start.js';
import { workspace } from './fixtures.js';

const files = workspace();
afterAll(() => files.remove());

function get(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request(url, { ca, servername: 'localhost' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

describe('startServer', () => {
  it('serves HTTPS on 127.0.0.1 with a generated certificate and stops', async () => {
    const running = await startServer({
      server: files.config({ logLevel: 'silent' }),
      listen: { host: '127.0.0.1', port: 0 },
      tls: { kind: 'development' },
      certificates: { directory: join(files.directory, 'certs'), trustedDirectory: null },
    });
    try {
      expect(running.listeningUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(running.certificate?.source).toBe('generated');
      const ca = readFileSync(running.certificate?.caFile ?? '', 'utf8');
      const health = await get(`${running.listeningUrl}/healthz`, ca);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    } finally {
      await running.app.close();
    }
    expect(running.app.server.listening).toBe(false);
  });

  it('explains a port that is taken', async () => {
    const first = await startServer({
      server: files.config({ logLevel: 'silent' }),
      listen: { host: '127.0.0.1', port: 0 },
      tls: { kind: 'off' },
      certificates: { directory: join(files.directory, 'certs'), trustedDirectory: null },
    });
    try {
      const port = Number(new URL(first.listeningUrl).port);
      await expect(
        startServer({
          server: files.config({ logLevel: 'silent' }),
          listen: { host: '127.0.0.1', port },
          tls: { kind: 'off' },
          certificates: { directory: join(files.directory, 'certs'), trustedDirectory: null },
        }),
      ).rejects.toMatchObject({ code: 'bad-environment', message: expect.stringContaining('EADDRINUSE') });
    } finally {
      await first.app.close();
    }
  });
});
