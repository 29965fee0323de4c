// Slow clients against a listening buildApp: a connection that never finishes its headers or its body,
// or sends nothing, is cut off. Small timeouts come in through the config so the test is quick.
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_SERVER_TIMEOUTS, nodeServerTimeoutOptions } from '../../src/server/server-timeouts.js';
import { workspace, type Workspace } from './fixtures.js';

let files: Workspace;
let app: FastifyInstance;
let port: number;
const trickles: NodeJS.Timeout[] = [];
const sockets: Socket[] = [];
const TOKEN = 'local-development-token-1234';

beforeAll(async () => {
  files = workspace();
  app = await buildApp(
    files.config({
      logLevel: 'silent',
      auth: { developmentToken: { token: TOKEN, forced: false }, admins: [] },
      timeouts: { headersMs: 300, requestMs: 600, connectionIdleMs: 400, keepAliveMs: 200 },
    }),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const trickle of trickles) clearInterval(trickle);
  for (const socket of sockets) socket.destroy();
  await app.close();
  files.remove();
});

/** Opens a connection, writes `start`, then one more byte of `drip` every 50 ms; resolves with what the server sent once it closes. */
function slowClient(start: string, drip: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(start);
      sockets.push(socket);
      if (drip !== '') trickles.push(setInterval(() => socket.writable && socket.write(drip), 50));
    });
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

describe('server timeouts', () => {
  it('cuts off a client that sends its headers a byte at a time and never finishes them', async () => {
    const answer = await slowClient('GET /api/policy HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 'a');
    expect(answer).toMatch(/^HTTP\/1.1 408 /);
  });

  it('cuts off a signed-in client that never finishes the body it announced', async () => {
    const headers = `POST /api/protect/zip HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
    const answer = await slowClient(`${headers}{`, ' ');
    expect(answer).toMatch(/^HTTP\/1.1 408 /);
  });

  it('closes a connection that sends nothing at all', async () => {
    // Two timers race here: the idle timeout (400 ms) closes the socket silently, while Node's header
    // check (300 ms, run every 150 ms) answers 408 first. Either way the connection is cut off, which is
    // what matters; it resolves only once the server has closed it, so a server that kept it open fails.
    const answer = await slowClient('', '');
    expect(answer === '' || /^HTTP\/1.1 408 [^]*$/.test(answer), `unexpected answer: ${JSON.stringify(answer)}`).toBe(true);
  });

  it('still answers an ordinary request', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/policy`);
    expect(response.status).toBe(200);
  });
});

describe('nodeServerTimeoutOptions', () => {
  it('checks at least twice per header timeout, never less often than Node does by default', () => {
    expect(nodeServerTimeoutOptions(DEFAULT_SERVER_TIMEOUTS)).toEqual({ headersTimeout: 30_000, connectionsCheckingInterval: 15_000 });
    expect(nodeServerTimeoutOptions({ ...DEFAULT_SERVER_TIMEOUTS, headersMs: 120_000 })).toEqual({
      headersTimeout: 120_000,
      connectionsCheckingInterval: 30_000,
    });
  });

  it('keeps the header timeout within the request timeout, as Node requires', () => {
    expect(nodeServerTimeoutOptions({ ...DEFAULT_SERVER_TIMEOUTS, headersMs: 5000, requestMs: 2000 }).headersTimeout).toBe(2000);
  });
});
