// Requests over kept-alive connections, the way a browser or a load balancer reuses them; the body is
// read to its end (so a download's time is the whole file's) and kept only when asked for.
import { Agent, request } from 'node:http';

export interface LoadRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string;
  /** Keep the answer's body (JSON answers); otherwise only its length is counted. */
  readonly keepBody?: boolean;
}

export interface LoadAnswer {
  readonly status: number;
  readonly bytes: number;
  readonly body: string;
}

export type LoadClient = (origin: string, call: LoadRequest) => Promise<LoadAnswer>;

export function loadClient(connections: number): { readonly send: LoadClient; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const send: LoadClient = (origin, call) =>
    new Promise((resolveAnswer, reject) => {
      const body = typeof call.body === 'string' ? Buffer.from(call.body) : call.body;
      const outgoing = request(
        `${origin}${call.path}`,
        {
          method: call.method,
          agent,
          headers: { ...call.headers, ...(body === undefined ? {} : { 'content-length': String(body.length) }) },
        },
        (response) => {
          const kept: Buffer[] = [];
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (call.keepBody === true) kept.push(chunk);
          });
          response.on('end', () => resolveAnswer({ status: response.statusCode ?? 0, bytes, body: Buffer.concat(kept).toString('utf8') }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { send, close: () => agent.destroy() };
}
