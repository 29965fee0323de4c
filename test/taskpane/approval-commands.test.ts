// The sender's approval commands over the real Office gateway (src/office) on the typed Office fake, with
// only the backend faked: what is uploaded is exactly what the approval will be signed over.
import { describe, expect, it } from 'vitest';
import { approvalFingerprint } from '../../src/policy/index.js';
import type { CreateApprovalRequest } from '../../src/protocol/index.js';
import { askForApproval, lookUpApproval } from '../../src/taskpane/approval-commands.js';
import type { ApprovalPaneState } from '../../src/taskpane/approval-state.js';
import { officeQueue } from '../../src/taskpane/office-queue.js';
import { officeGateway } from '../../src/taskpane/office-gateway.js';
import type { PaneGateway } from '../../src/taskpane/pane-gateway.js';
import { loadReview, type Review } from '../../src/taskpane/review-session.js';
import { createOfficeFake, recipient, type OfficeFake } from '../fakes/office-fake.js';
import { installOffice, useOfficePerTest } from '../fakes/office-per-test.js';

useOfficePerTest({ fakeTimers: false });

const POLICY = {
  version: 1,
  internalDomains: ['example.co.jp'],
  approval: { defaultApprovers: ['boss@example.co.jp'] },
};

interface Pane {
  readonly fake: OfficeFake;
  readonly gateway: PaneGateway;
  readonly review: Review;
  readonly uploads: CreateApprovalRequest[];
}

/** A pane that loaded a message needing approval, with body `body`; the server takes every request. */
async function openPane(body: string): Promise<Pane> {
  const fake = createOfficeFake({
    mail: { to: [recipient('hanako@partner.co.jp')], subject: '見積書', body, bodyType: 'text' },
  });
  installOffice(fake);
  const uploads: CreateApprovalRequest[] = [];
  const gateway: PaneGateway = {
    ...officeGateway('https://preflight.example'),
    fetchPolicyDocument: () => Promise.resolve(POLICY),
    approvalKey: () => Promise.resolve(null),
    requestApproval: (request) => {
      uploads.push(request);
      return Promise.resolve({ id: 'r1', status: 'pending', expiresAt: '2026-12-08T09:00:00.000Z', mailed: true });
    },
  };
  const loaded = await loadReview(gateway, 1_000);
  if (!loaded.ok) throw new Error(`the pane did not load: ${JSON.stringify(loaded.problem)}`);
  return { fake, gateway, review: loaded.review, uploads };
}

/** The approval fingerprint of the loaded message had its body been `body`. */
function fingerprintWithBody(review: Review, body: string): string {
  return approvalFingerprint({ ...review.snapshot, body }, review.verdict);
}

describe('askForApproval', () => {
  it('uploads the body the approval fingerprint covers', async () => {
    const pane = await openPane('Body A');
    expect(await askForApproval(pane.gateway, pane.review)).toMatchObject({ kind: 'pending' });
    expect(pane.uploads).toHaveLength(1);
    expect(pane.uploads[0]?.content?.textBody).toBe('Body A');
    expect(pane.uploads[0]?.fingerprint).toBe(fingerprintWithBody(pane.review, 'Body A'));
  });

  it('asks nothing when the body changed after the check, and says so', async () => {
    const pane = await openPane('Body A');
    pane.fake.mail.body = 'Body B';
    const state = await askForApproval(pane.gateway, pane.review);
    // Every upload must show the approver the body its fingerprint is over.
    for (const upload of pane.uploads) expect(upload.fingerprint).toBe(fingerprintWithBody(pane.review, upload.content?.textBody ?? ''));
    expect(pane.uploads).toEqual([]);
    expect(state).toEqual({ kind: 'needed', approvers: ['boss@example.co.jp'], note: 'changed' });
    expect(pane.fake.mail.sessionData.has('preflight.approval')).toBe(false);
  });
});

describe('lookUpApproval', () => {
  it('stops showing the approval of the earlier content at once, while the server is still asked', async () => {
    const pane = await openPane('Body A');
    const shown: ApprovalPaneState[] = [];
    const show = (state: ApprovalPaneState) => shown.push(state);
    const approved = { ...pane.review, approval: { approver: 'boss@example.co.jp' } };
    lookUpApproval(pane.gateway, officeQueue(), approved, show);
    expect(shown).toEqual([{ kind: 'approved', approver: 'boss@example.co.jp' }]);
    // The body changed: new content, no approval yet, and a server that takes its time to answer.
    const slow: PaneGateway = { ...pane.gateway, approvalKey: () => new Promise(() => undefined) };
    const changed = { ...pane.review, approvalFingerprint: fingerprintWithBody(pane.review, 'Body B') };
    const stop = lookUpApproval(slow, officeQueue(), changed, show);
    expect(shown.at(-1)).toEqual({ kind: 'checking' });
    stop();
  });
});
