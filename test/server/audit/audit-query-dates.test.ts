// docs/admin.md "Reading and exporting": `from` and `to` are ISO 8601. A date that is not one, a day that
// does not exist, or a range that ends before it starts is refused with 400, not read as some other time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GOOD_POLICY } from '../fixtures.js';
import { DEV_TOKEN, startApprovalApp, type ApprovalApp } from '../approvals/approval-app.js';

vi.setConfig({ testTimeout: 30_000 });

let harness: ApprovalApp | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('audit query dates', () => {
  it.each([
    ['a bare number', 'from=12'],
    ['a day that does not exist', 'from=2026-02-30'],
    ['an English date', 'to=March%202026'],
    ['a range that ends before it starts', 'from=2026-12-02&to=2026-12-01'],
  ])('refuses %s with 400', async (_name, query) => {
    harness = await startApprovalApp({ policy: GOOD_POLICY });
    for (const path of ['/api/admin/audit', '/api/admin/stats']) {
      const answer = await harness.call('GET', `${path}?${query}`, DEV_TOKEN);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
    }
  });
});
