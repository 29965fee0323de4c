// Requests without a valid token against a listening buildApp: refused before their body is read, and
// an address that keeps failing to sign in is slowed down with 429 while signed-in users go on.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app.js';
import { workspace, type Workspace } from '../fixtures.js';
import { startTestIdentity, type TestIdentity } from '../support/identity.js';

const DECLARED_BYTES = 35 * 1000 * 1000;
const SENT_BYTES = 64 * 1024;

let identity: TestIdentity;
let files: Workspace;
let app: FastifyInstance;
let port: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  identity = await startTestIdentity();
  files = workspace();
  app = await buildApp(
    files.config({
      logLevel: 'silent',
      auth: identity.auth,
      rateLimits: { perUserPerMinute: 100, perLinkPerMinute: 100, refusedPerAddressPerMinute: 3 },
    }),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await app.close();
  files.remove();
  await identity.close();
});

/** Sends the headers of a large upload and a small first part of its body, and resolves with the status line the server answers. */
function partialUpload(authorization: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      sockets.push(socket);
      const headers = [
        'POST /api/protect/zip HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        `Content-Length: ${DECLARED_BYTES}`,
        ...(authorization === null ? [] : [`Authorization: ${authorization}`]),
      ];
      socket.write(`${headers.join('\r\n')}\r\n\r\n{"files":[{"name":"a.txt","contentBase64":"`);
      socket.write(Buffer.alloc(SENT_BYTES, 'A'));
    });
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
      const line = received.split('\r\n')[0];
      if (received.includes('\r\n') && line !== undefined) {
        socket.destroy();
        resolve(line);
      }
    });
    socket.on('error', reject);
  });
}

describe('unauthenticated requests', () => {
  it('answers 401 to a large upload without a token after its headers, without waiting for the body', async () => {
    expect(await partialUpload(null)).toBe('HTTP/1.1 401 Unauthorized');
    expect(await partialUpload('Bearer not.a.token')).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('answers 429 with Retry-After to an address that keeps failing, counts each address apart, and lets valid tokens through', async () => {
    const from = (remoteAddress: string, authorization?: string) =>
      app.inject({ url: '/api/me', remoteAddress, headers: authorization === undefined ? {} : { authorization } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await from('203.0.113.7', 'Bearer x.y.z')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await from('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((await from('203.0.113.8', 'Bearer x.y.z')).statusCode).toBe(401);
    expect((await from('203.0.113.7', `Bearer ${await identity.token('erin')}`)).statusCode).toBe(200);
  });
});
