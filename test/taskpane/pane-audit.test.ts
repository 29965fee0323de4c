// What the pane reports to the audit: a confirmation with its seconds, never content; and the send
// handler's undelivered events, sent once and cleared (docs/admin.md "Audit").
import { describe, expect, it, vi } from 'vitest';
import { evaluate, parsePolicy, type MessageSnapshot } from '../../src/policy/index.js';
import type { AuditEventInput } from '../../src/protocol/index.js';
import { flushHandlerQueue, paneEvent, type PaneAuditPorts } from '../../src/taskpane/pane-audit.js';
import { buildReviewModel } from '../../src/taskpane/review-model.js';
import type { Review } from '../../src/taskpane/review-session.js';

const DOCUMENT = { version: 1, internalDomains: ['example.co.jp'] };
const SNAPSHOT: MessageSnapshot = {
  to: [{ address: 'hanako@partner.co.jp' }],
  cc: [{ address: 'jiro@example.co.jp' }],
  bcc: [],
  subject: 'SUBJECT-MARKER',
  body: 'BODY-MARKER',
  attachments: [{ name: 'FILE-MARKER.pdf', size: 3, inline: false }],
};

function review(document: Record<string, unknown> = DOCUMENT, snapshot: MessageSnapshot = SNAPSHOT): Review {
  const parsed = parsePolicy(document);
  if (!parsed.ok) throw new Error('bad policy');
  const verdict = evaluate(snapshot, parsed.policy, {});
  return {
    policy: parsed.policy,
    policyDocument: document,
    policySource: 'server',
    snapshot,
    verdict,
    model: buildReviewModel(snapshot, verdict, parsed.policy),
    inspectionNotSaved: false,
    approvalFingerprint: null,
    approval: null,
  };
}

function ports(
  queue: unknown[] = [],
  post: PaneAuditPorts['postAuditEvents'] = () => Promise.resolve(),
): PaneAuditPorts & { written: unknown[][] } {
  const written: unknown[][] = [];
  return {
    written,
    postAuditEvents: post,
    readAuditQueue: () => Promise.resolve(queue),
    writeAuditQueue: (events) => {
      written.push([...events]);
      return Promise.resolve();
    },
    clientInfo: () => ({ platform: 'Mac', mailbox: '1.14' }),
    nowMs: () => Date.UTC(2026, 11, 6, 9),
  };
}

describe('pane audit events', () => {
  it('counts the outside domains a list reaches, not its own internal one', () => {
    const document = { ...DOCUMENT, mailingLists: [{ address: 'pj@example.co.jp', externalDomains: ['vendor.example'] }] };
    const event = paneEvent(ports(), review(document, { ...SNAPSHOT, cc: [{ address: 'pj@example.co.jp' }] }), 'confirm', 'confirm');
    expect(event.outsideDomains).toEqual(['partner.co.jp', 'vendor.example']);
  });

  it('a confirmation: rule counts, outside domains, seconds; no subject, body, file name or address', () => {
    const event = paneEvent(ports(), review(), 'confirm', 'confirm', 12.34);
    expect(event).toMatchObject({
      kind: 'confirm',
      decision: 'confirm',
      at: '2026-12-06T09:00:00.000Z',
      client: { platform: 'Mac', mailbox: '1.14' },
      outsideDomains: ['partner.co.jp'],
      confirmSeconds: 12.3,
    });
    expect(event.rules).toMatchObject({ 'external-recipient': 1, 'attachment-to-external': 1 });
    expect(event.policy).toMatch(/^[0-9a-f]{12}$/);
    const text = JSON.stringify(event);
    for (const marker of ['SUBJECT-MARKER', 'BODY-MARKER', 'FILE-MARKER', 'hanako@', 'jiro@']) expect(text).not.toContain(marker);
  });

  it('sends what the handler left on the item once, then clears it; keeps it when the post fails', async () => {
    const queued: AuditEventInput[] = [
      { kind: 'send', at: '2026-12-06T08:00:00.000Z', client: { platform: 'PC', mailbox: '1.12' }, decision: 'review' },
    ];
    const post = vi.fn((_events: readonly AuditEventInput[]) => Promise.resolve());
    const delivered = ports(queued, post);
    await flushHandlerQueue(delivered);
    expect(post).toHaveBeenCalledWith(queued);
    expect(delivered.written).toEqual([[]]);
    const failing = ports(queued, () => Promise.reject(new Error('offline')));
    await flushHandlerQueue(failing);
    expect(failing.written).toEqual([]);
    const empty = vi.fn(() => Promise.resolve());
    await flushHandlerQueue(ports([], empty));
    expect(empty).not.toHaveBeenCalled();
  });

  it('keeps an event the handler queued while the post was under way', async () => {
    const send = (at: string): AuditEventInput => ({ kind: 'send', at, client: { platform: 'PC', mailbox: '1.12' }, decision: 'review' });
    const onItem: unknown[] = [send('2026-12-06T08:00:00.000Z')];
    const item = ports(onItem, () => {
      // A Send in between: the handler appends its event to the list on the item.
      onItem.push(send('2026-12-06T08:05:00.000Z'));
      return Promise.resolve();
    });
    item.readAuditQueue = () => Promise.resolve([...onItem]);
    await flushHandlerQueue(item);
    expect(item.written).toEqual([[send('2026-12-06T08:05:00.000Z')]]);
  });
});
