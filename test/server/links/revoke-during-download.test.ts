// A download that is running when its link is revoked: the response stops short, never looks complete,
// and the audit says why. The harness's clock is moved past the server's check interval after revoking.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finishDownload, pausedDownload } from '../support/server-process.js';
import { linkPath, share, startHarness, type Harness } from './harness.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

// Larger than loopback socket buffers hold, so most of it is still on the server when the link is revoked.
const SIZE = 48 * 1024 * 1024;

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('revoking a link during a download', () => {
  it('stops the running download short of the declared length and audits it as revoked', async () => {
    const shared = await share(harness.app, [{ name: 'large.bin', content: randomBytes(SIZE) }], { requireCode: false });
    const { response, first } = await pausedDownload(harness.origin, `${harness.origin}${linkPath(shared.links[0]?.url ?? '')}`);
    expect([response.statusCode, response.headers['content-length']]).toEqual([200, String(SIZE)]);

    const revoked = await harness.app.inject({
      method: 'POST',
      url: `/api/links/${shared.id}/revoke`,
      headers: { authorization: 'Bearer owner-token' },
    });
    expect(revoked.statusCode).toBe(200);
    harness.advance(60_000);
    const rest = await finishDownload(response, first);

    expect(rest.complete).toBe(false);
    expect(rest.bytes).toBeLessThan(SIZE);
    const audit = await harness.app.inject({ url: `/api/links/${shared.id}/audit`, headers: { authorization: 'Bearer owner-token' } });
    const downloads = (audit.json() as { entries: { action: string; result: string; bytes: number }[] }).entries.filter(
      (entry) => entry.action === 'download',
    );
    expect(downloads).toEqual([expect.objectContaining({ result: 'revoked' })]);
    expect(downloads[0]?.bytes).toBeLessThan(SIZE);
  });
});
