import { createHmac } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** HMAC-SHA1 over an entry's ciphertext, fed in order. */
export interface Authenticator {
  update(ciphertext: Uint8Array): void;
  /** Resolves once the bytes not yet hashed are few enough to hand over more (bounds memory). */
  caughtUp(): Promise<void>;
  digest(): Promise<Buffer>;
  /** Forgets an entry whose digest will not be asked for (the writer stopped); harmless after digest. */
  drop(): void;
}

/** Unhashed bytes an entry may have waiting on the worker before the writer waits. */
const MAX_OUTSTANDING = 8 * 1024 * 1024;

// SHA-1 is about half of the encryptor's time (perf: sha1_block_data_order_shaext); on a second core
// it runs beside the counters, AES and XOR. Source text rather than a file so the same code runs from
// src under vitest and from build/; it is plain JavaScript with no imports of ours.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const sessions = new Map();
parentPort.on('message', (message) => {
  if (message.key !== undefined) sessions.set(message.id, createHmac('sha1', message.key));
  if (message.drop === true) sessions.delete(message.id);
  const hmac = sessions.get(message.id);
  if (hmac === undefined) return;
  if (message.data !== undefined) {
    hmac.update(message.data);
    parentPort.postMessage({ id: message.id, consumed: message.data.length });
  }
  if (message.end === true) {
    sessions.delete(message.id);
    parentPort.postMessage({ id: message.id, digest: hmac.digest() });
  }
});
`;

interface WorkerReply {
  readonly id: number;
  readonly consumed?: number;
  readonly digest?: Uint8Array;
}

interface Session {
  outstanding: number;
  readonly waiting: Array<{ resolve: () => void; reject: (error: Error) => void }>;
  finished?: { resolve: (digest: Buffer) => void; reject: (error: Error) => void };
}

class HmacWorker {
  private readonly worker: Worker;
  private readonly sessions = new Map<number, Session>();
  private nextId = 1;
  private waits = 0;
  failed = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The HMAC worker exited with code ${code}`)));
  }

  open(key: Uint8Array): Authenticator {
    const id = this.nextId;
    this.nextId += 1;
    const session: Session = { outstanding: 0, waiting: [] };
    this.sessions.set(id, session);
    this.worker.postMessage({ id, key });
    return {
      update: (ciphertext) => {
        if (ciphertext.length === 0) return;
        session.outstanding += ciphertext.length;
        // A view of a SharedArrayBuffer is shared, not copied; any other view is copied.
        this.worker.postMessage({ id, data: ciphertext });
      },
      caughtUp: () => {
        if (this.failed) return Promise.reject(new Error('The HMAC worker failed'));
        if (session.outstanding <= MAX_OUTSTANDING) return Promise.resolve();
        return this.waitFor(new Promise((resolve, reject) => session.waiting.push({ resolve, reject })));
      },
      digest: () => {
        if (this.failed) return Promise.reject(new Error('The HMAC worker failed'));
        if (!this.sessions.has(id)) return Promise.reject(new Error('The entry was dropped'));
        const digest = new Promise<Buffer>((resolve, reject) => {
          session.finished = { resolve, reject };
        });
        this.worker.postMessage({ id, end: true });
        return this.waitFor(digest);
      },
      drop: () => {
        if (!this.sessions.delete(id)) return;
        const dropped = new Error('The entry was dropped');
        for (const waiter of session.waiting.splice(0)) waiter.reject(dropped);
        session.finished?.reject(dropped);
        if (!this.failed) this.worker.postMessage({ id, drop: true });
      },
    };
  }

  /** Refs the worker while someone waits on it alone, so the process does not exit under an awaited promise. */
  private async waitFor<T>(promise: Promise<T>): Promise<T> {
    this.waits += 1;
    if (this.waits === 1) this.worker.ref();
    try {
      return await promise;
    } finally {
      this.waits -= 1;
      if (this.waits === 0) this.worker.unref();
    }
  }

  private receive(reply: WorkerReply): void {
    const session = this.sessions.get(reply.id);
    if (session === undefined) return;
    if (reply.consumed !== undefined) {
      session.outstanding -= reply.consumed;
      if (session.outstanding <= MAX_OUTSTANDING) for (const waiter of session.waiting.splice(0)) waiter.resolve();
    }
    if (reply.digest !== undefined) {
      this.sessions.delete(reply.id);
      session.finished?.resolve(Buffer.from(reply.digest.buffer, reply.digest.byteOffset, reply.digest.length));
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    for (const session of this.sessions.values()) {
      for (const waiter of session.waiting.splice(0)) waiter.reject(error);
      session.finished?.reject(error);
    }
    this.sessions.clear();
  }
}

let shared: HmacWorker | null = null;

/** HMAC-SHA1 in this thread, for small entries where handing over costs more than it saves. */
export function localHmac(key: Uint8Array): Authenticator {
  const hmac = createHmac('sha1', key);
  return {
    update: (ciphertext) => {
      hmac.update(ciphertext);
    },
    caughtUp: () => Promise.resolve(),
    digest: () => Promise.resolve(hmac.digest()),
    drop: () => undefined,
  };
}

/** HMAC-SHA1 on one worker thread shared by every entry, started on first use; in this thread if it cannot start. */
export function offThreadHmac(key: Uint8Array): Authenticator {
  if (shared === null || shared.failed) {
    try {
      shared = new HmacWorker();
    } catch {
      return localHmac(key);
    }
  }
  return shared.open(key);
}
