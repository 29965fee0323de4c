import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { localHmac, offThreadHmac } from '../../../src/server/zip/hmac-worker.js';

const KEY = randomBytes(32);
const MiB = 1024 * 1024;

function shared(bytes: Uint8Array): Buffer {
  const view = Buffer.from(new SharedArrayBuffer(bytes.length));
  view.set(bytes);
  return view;
}

describe('HMAC-SHA1 authenticators', () => {
  it.each([
    ['here', localHmac],
    ['on the worker', offThreadHmac],
  ] as const)('hash pieces in order %s, from shared and unshared memory', async (_label, open) => {
    const pieces = [randomBytes(0), randomBytes(1), randomBytes(70_001), randomBytes(MiB + 3)];
    const authenticator = open(KEY);
    for (const [index, piece] of pieces.entries()) authenticator.update(index % 2 === 0 ? piece : shared(piece));
    const expected = createHmac('sha1', KEY).update(Buffer.concat(pieces)).digest();
    expect(await authenticator.digest()).toEqual(expected);
  });

  it('keep entries apart on the shared worker', async () => {
    const first = offThreadHmac(KEY);
    const second = offThreadHmac(KEY);
    first.update(shared(Buffer.from('first')));
    second.update(shared(Buffer.from('second')));
    const dropped = offThreadHmac(KEY);
    dropped.update(shared(Buffer.from('never finished')));
    dropped.drop();
    await expect(dropped.digest()).rejects.toThrow();
    expect(await second.digest()).toEqual(createHmac('sha1', KEY).update('second').digest());
    expect(await first.digest()).toEqual(createHmac('sha1', KEY).update('first').digest());
  });

  it('hold the writer back while more than 8 MiB wait on the worker', async () => {
    const authenticator = offThreadHmac(KEY);
    const pieces = Array.from({ length: 12 }, () => shared(randomBytes(MiB)));
    for (const piece of pieces) authenticator.update(piece);
    let caughtUp = false;
    const waiting = authenticator.caughtUp().then(() => {
      caughtUp = true;
    });
    // The worker's acknowledgements arrive as messages, never within this turn's microtasks.
    await Promise.resolve();
    expect(caughtUp).toBe(false);
    await waiting;
    expect(caughtUp).toBe(true);
    expect(await authenticator.digest()).toEqual(createHmac('sha1', KEY).update(Buffer.concat(pieces)).digest());
  });
});
