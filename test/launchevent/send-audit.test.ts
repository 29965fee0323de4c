// The send handler's audit events (docs/admin.md "Audit"), run by the real handler against the typed Office
// fake: posted after event.completed, never holding up the Send; never content; kept on the item when the
// post fails and the message stayed, and sent with the next Send.
import { describe, expect, it, vi } from 'vitest';
import { policyDigest } from '../../src/check/index.js';
import { createSendHandler } from '../../src/launchevent/send-handler.js';
import { SESSION_KEYS } from '../../src/office/index.js';
import { createLaunchEvent, createOfficeFake, recipient, type OfficeFake } from '../fakes/office-fake.js';
import { installOffice, useOfficePerTest } from '../fakes/office-per-test.js';

const ORIGIN = 'https://preflight.example.co.jp';
const POLICY = { version: 1, internalDomains: ['example.co.jp'], audit: { domains: 'plain' } };
const MAIL = {
  to: [recipient('hanako@partner.co.jp'), recipient('jiro@example.co.jp')],
  cc: [recipient('ken@other.example')],
  subject: 'SUBJECT-MARKER 見積',
  body: 'BODY-MARKER',
  attachments: [
    { id: 'a1', name: 'FILE-MARKER.xlsx', size: 10, attachmentType: 'file', isInline: false } as unknown as Office.AttachmentDetailsCompose,
  ],
};

interface Posted {
  readonly at: number;
  readonly body: { mailbox: string; events: Record<string, unknown>[] };
}

useOfficePerTest({ fakeTimers: false });

async function send(fake: OfficeFake, auditAnswer: number) {
  installOffice(fake);
  const posted: Posted[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: { body?: string }) => {
      if (url.endsWith('/api/policy')) return new Response(JSON.stringify(POLICY), { status: 200 });
      if (url.endsWith('/api/audit/handler-events')) {
        posted.push({ at: Date.now(), body: JSON.parse(init?.body ?? '{}') as Posted['body'] });
        return new Response('{}', { status: auditAnswer });
      }
      return new Response('{}', { status: 404 });
    }),
  );
  const { event, completions } = createLaunchEvent();
  createSendHandler({ boot: () => ({ origin: ORIGIN, policyDocument: POLICY }) })(event);
  await vi.waitFor(() => expect(completions).toHaveLength(1));
  await vi.waitFor(() => expect(posted.length).toBeGreaterThan(0));
  // Let the queue write that follows a failed post finish.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { posted, completion: completions[0]! };
}

describe('audit events from the send handler', () => {
  it('posts after the Send completed: decision, rule counts, outside domains, client, policy; never content', async () => {
    const fake = createOfficeFake({ mailbox: '1.15', mail: MAIL });
    const { posted, completion } = await send(fake, 202);
    expect(completion.options).toMatchObject({ allowEvent: false });
    expect(posted).toHaveLength(1);
    expect(posted[0]!.at).toBeGreaterThanOrEqual(completion.at);
    const { mailbox, events } = posted[0]!.body;
    expect(mailbox).toBe('taro@example.co.jp');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'send',
      decision: 'review',
      client: { platform: 'unknown', mailbox: '1.15' },
      policy: policyDigest(POLICY),
      outsideDomains: ['partner.co.jp', 'other.example'],
      rules: { 'external-recipient': 2, 'attachment-to-external': 1 },
    });
    expect(events[0]!['durationMs']).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(posted);
    for (const marker of ['SUBJECT-MARKER', 'BODY-MARKER', 'FILE-MARKER', 'hanako@', 'ken@', 'jiro@'])
      expect(text, marker).not.toContain(marker);
    expect(fake.mail.sessionData.has(SESSION_KEYS.audit)).toBe(false);
  });

  it('keeps the event on the item when the post fails and the message stayed, and the next Send delivers both', async () => {
    const fake = createOfficeFake({ mailbox: '1.15', mail: MAIL });
    await send(fake, 503);
    const kept = JSON.parse(fake.mail.sessionData.get(SESSION_KEYS.audit) ?? '[]') as unknown[];
    expect(kept).toHaveLength(1);
    const { posted } = await send(fake, 202);
    expect(posted[0]!.body.events.map((event) => event['decision'])).toEqual(['review', 'review']);
    await vi.waitFor(() => expect(fake.mail.sessionData.get(SESSION_KEYS.audit)).toBe('[]'));
  });

  it('an allowed Send posts once and touches nothing on the item afterwards', async () => {
    const fake = createOfficeFake({ mailbox: '1.15', mail: { to: [recipient('jiro@example.co.jp')] } });
    const { posted, completion } = await send(fake, 503);
    expect(completion.options).toEqual({ allowEvent: true });
    expect(posted[0]!.body.events[0]).toMatchObject({ decision: 'allow', rules: {}, outsideDomains: [] });
    expect(fake.mail.sessionData.has(SESSION_KEYS.audit)).toBe(false);
  });

  it('an allowed Send stopped because its header failed is reported as onError decided, and kept on the item', async () => {
    const fake = createOfficeFake({ mailbox: '1.15', mail: { to: [recipient('jiro@example.co.jp')] } });
    fake.behave('internetHeaders.setAsync', { kind: 'fail' });
    const { posted, completion } = await send(fake, 503);
    expect(completion.options).toMatchObject({ allowEvent: false });
    expect(posted[0]!.body.events[0]).toMatchObject({ decision: 'error-block', rules: {}, outsideDomains: [] });
    expect(JSON.parse(fake.mail.sessionData.get(SESSION_KEYS.audit) ?? '[]')).toHaveLength(1);
  });
});
