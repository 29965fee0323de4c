// POST /api/links takes expiry, downloads and the one-time code from the policy (attachments.protection.link):
// omitted values are the policy's, and a request may ask for less, never more.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from './harness.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const POLICY = { expiryDays: 5, maxDownloads: 2, requireCode: true, maxTotalBytes: 1000 };
const OWNER = { authorization: 'Bearer owner-token' };
const GOOD = { files: [{ name: 'a.pdf', size: 3 }], recipients: ['hanako@partner.example'] };
const DAY_MS = 24 * 60 * 60 * 1000;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ listen: false, linkPolicy: POLICY });
});
afterAll(async () => {
  await harness.close();
});

function create(payload: Record<string, unknown>) {
  return harness.app.inject({ method: 'POST', url: '/api/links', headers: OWNER, payload });
}

interface Summary {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly maxDownloads: number;
  readonly requireCode: boolean;
}

async function summaryOf(id: string): Promise<Summary | undefined> {
  const response = await harness.app.inject({ url: '/api/links/mine', headers: OWNER });
  return (response.json() as { links: Summary[] }).links.find((link) => link.id === id);
}

async function completed(payload: Record<string, unknown>): Promise<Summary | undefined> {
  const created = await create(payload);
  expect(created.statusCode).toBe(201);
  const plan = created.json() as { id: string; files: { uploadPath: string }[] };
  for (const file of plan.files) {
    const put = await harness.app.inject({
      method: 'PUT',
      url: file.uploadPath,
      headers: { ...OWNER, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('abc'),
    });
    expect(put.statusCode).toBe(200);
  }
  expect((await harness.app.inject({ method: 'POST', url: `/api/links/${plan.id}/complete`, headers: OWNER })).statusCode).toBe(200);
  return summaryOf(plan.id);
}

describe('POST /api/links under the policy', () => {
  it('omitted values are the policy: 5 days, 2 downloads, a one-time code', async () => {
    const summary = await completed(GOOD);
    expect(summary).toMatchObject({ maxDownloads: 2, requireCode: true });
    expect(Date.parse(summary?.expiresAt ?? '') - Date.parse(summary?.createdAt ?? '')).toBe(5 * DAY_MS);
  });

  it('less than the policy is allowed', async () => {
    const summary = await completed({ ...GOOD, expiryDays: 1, maxDownloads: 1, requireCode: true });
    expect(summary).toMatchObject({ maxDownloads: 1, requireCode: true });
    expect(Date.parse(summary?.expiresAt ?? '') - Date.parse(summary?.createdAt ?? '')).toBe(DAY_MS);
  });

  it.each([
    [{ ...GOOD, expiryDays: 6 }, 'expiryDays: 6 is more than the policy allows (attachments.protection.link.expiryDays: 5)'],
    [{ ...GOOD, maxDownloads: 3 }, 'maxDownloads: 3 is more than the policy allows (attachments.protection.link.maxDownloads: 2)'],
    [
      { ...GOOD, requireCode: false },
      'requireCode: the policy requires a one-time code for every link (attachments.protection.link.requireCode: true)',
    ],
    [
      {
        ...GOOD,
        files: [
          { name: 'a', size: 600 },
          { name: 'b', size: 401 },
        ],
      },
      'the policy allows for a link (attachments.protection.link.maxTotalBytes: 1000)',
    ],
  ])('refuses %j with 400 naming the field and the policy value', async (payload, message) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect((response.json() as { message: string }).message).toContain(message);
  });

  it('names every field over the policy at once', async () => {
    const response = await create({ ...GOOD, expiryDays: 30, maxDownloads: 100, requireCode: false });
    const message = (response.json() as { message: string }).message;
    expect(message).toContain('expiryDays: 30');
    expect(message).toContain('maxDownloads: 100');
    expect(message).toContain('requireCode:');
  });
});

describe('POST /api/links when the policy does not require a code', () => {
  let relaxed: Harness;
  beforeAll(async () => {
    relaxed = await startHarness({ listen: false, linkPolicy: { requireCode: false } });
  });
  afterAll(async () => {
    await relaxed.close();
  });

  it('a request may still ask for one, and omitting it means none', async () => {
    const post = (payload: Record<string, unknown>) => relaxed.app.inject({ method: 'POST', url: '/api/links', headers: OWNER, payload });
    expect((await post({ ...GOOD, requireCode: true })).statusCode).toBe(201);
    expect((await post(GOOD)).statusCode).toBe(201);
  });
});
