import { createServer } from 'node:net';

/**
 * A port the system just handed out. The server needs its public origin (with the port) before it
 * listens, because the handler script it serves carries that origin.
 */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
