// The send handler's audit queue when something else changes it while the post is under way: a second
// Send's handler (the user pressed Send again once the first completed) or the pane's flush. Only what the
// post carried leaves the queue; everything else stays (docs/admin.md "Audit").
import { describe, expect, it } from 'vitest';
import { reportSend, type AuditPorts, type SendReport } from '../../src/launchevent/audit-report.js';
import type { AuditEventInput } from '../../src/protocol/index.js';

const STOPPED: SendReport = { check: null, decision: 'review', durationMs: 12 };
const NOW = Date.UTC(2026, 11, 6, 9);

function queuedSend(at: string): AuditEventInput {
  return { kind: 'send', at, client: { platform: 'PC', mailbox: '1.12' }, decision: 'review' };
}

/** The item's queue as sessionData keeps it; `duringPost` changes it while the post runs. */
function item(onItem: unknown[], answer: 'posted' | 'refused', duringPost: (onItem: unknown[]) => void) {
  const posted: (readonly AuditEventInput[])[] = [];
  const written: unknown[][] = [];
  const ports: AuditPorts = {
    origin: 'https://preflight.example.co.jp',
    mailbox: 'taro@example.co.jp',
    client: { platform: 'PC', mailbox: '1.12' },
    nowMs: NOW,
    post: async (_origin, batch) => {
      posted.push(batch.events);
      await Promise.resolve();
      duringPost(onItem);
      if (answer === 'refused') throw new Error('503');
    },
    readQueue: () => Promise.resolve([...onItem]),
    writeQueue: (events) => {
      written.push([...events]);
      onItem.splice(0, onItem.length, ...events);
      return Promise.resolve();
    },
    policyDigest: () => 'digest',
  };
  return { ports, posted, written };
}

describe('the send handler audit queue, changed during the post', () => {
  const first = queuedSend('2026-12-06T08:00:00.000Z');
  const second = queuedSend('2026-12-06T08:59:00.000Z');

  it('after a post that went, keeps an event another Send queued meanwhile', async () => {
    const onItem: unknown[] = [first];
    const { ports, posted, written } = item(onItem, 'posted', (queue) => queue.push(second));
    await reportSend(STOPPED, ports);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.map((event) => event.at)).toEqual([first.at, new Date(NOW).toISOString()]);
    expect(written).toEqual([[second]]);
    expect(onItem).toEqual([second]);
  });

  it('after a post that failed, keeps an event another Send queued meanwhile next to its own', async () => {
    const onItem: unknown[] = [first];
    const { ports, written } = item(onItem, 'refused', (queue) => queue.push(second));
    await reportSend(STOPPED, ports);
    expect(written).toHaveLength(1);
    expect(onItem.map((event) => (event as AuditEventInput).at)).toEqual([first.at, second.at, new Date(NOW).toISOString()]);
  });

  it('after a post that failed, does not put back what the pane posted and took out meanwhile', async () => {
    const onItem: unknown[] = [first];
    const { ports } = item(onItem, 'refused', (queue) => queue.splice(0));
    await reportSend(STOPPED, ports);
    expect(onItem.map((event) => (event as AuditEventInput).at)).toEqual([new Date(NOW).toISOString()]);
  });

  it('leaves the queue alone after a post that went when it cannot be read again', async () => {
    const onItem: unknown[] = [first];
    const { ports, written } = item(onItem, 'posted', () => undefined);
    let reads = 0;
    const failingSecondRead: AuditPorts = {
      ...ports,
      readQueue: () => (++reads === 1 ? Promise.resolve([first]) : Promise.reject(new Error('timeout'))),
    };
    await expect(reportSend(STOPPED, failingSecondRead)).resolves.toBeUndefined();
    expect(written).toEqual([]);
  });

  it('keeps what it read and its own event after a post that failed when the queue cannot be read again', async () => {
    const onItem: unknown[] = [first];
    const { ports, written } = item(onItem, 'refused', () => undefined);
    let reads = 0;
    const failingSecondRead: AuditPorts = {
      ...ports,
      readQueue: () => (++reads === 1 ? Promise.resolve([first]) : Promise.reject(new Error('timeout'))),
    };
    await expect(reportSend(STOPPED, failingSecondRead)).resolves.toBeUndefined();
    expect(written.map((events) => events.map((event) => (event as AuditEventInput).at))).toEqual([
      [first.at, new Date(NOW).toISOString()],
    ]);
  });
});
