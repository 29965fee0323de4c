import { describe, expect, it } from 'vitest';
import { officeQueue } from '../../src/taskpane/office-queue.js';

/** A task that runs only when the test lets it finish, and logs when it starts and ends. */
function heldTask<T>(log: string[], name: string, outcome: { value: T } | { error: Error }) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const task = async (): Promise<T> => {
    log.push(`start ${name}`);
    await released;
    log.push(`end ${name}`);
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
  return { task, release };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('officeQueue', () => {
  it('starts each task only after the one before it settled, in the order given', async () => {
    const log: string[] = [];
    const queue = officeQueue();
    const first = heldTask(log, 'first', { value: 1 });
    const second = heldTask(log, 'second', { value: 2 });
    const third = heldTask(log, 'third', { value: 3 });
    const results = [queue.run(first.task), queue.run(second.task), queue.run(third.task)];
    await settle();
    expect(log).toEqual(['start first']);
    // Released out of order: the second still may not start before the first ends.
    second.release();
    third.release();
    await settle();
    expect(log).toEqual(['start first']);
    first.release();
    expect(await Promise.all(results)).toEqual([1, 2, 3]);
    expect(log).toEqual(['start first', 'end first', 'start second', 'end second', 'start third', 'end third']);
  });

  it('hands each caller its own result or error, and goes on after a failure', async () => {
    const queue = officeQueue();
    const failing = queue.run(() => Promise.reject(new Error('InvalidAttachmentId')));
    const thrown = queue.run((): Promise<string> => {
      throw new Error('threw synchronously');
    });
    const after = queue.run(() => Promise.resolve('still runs'));
    await expect(failing).rejects.toThrow('InvalidAttachmentId');
    await expect(thrown).rejects.toThrow('threw synchronously');
    await expect(after).resolves.toBe('still runs');
  });

  it('runs a task queued after a failure only once the failed one has settled', async () => {
    const log: string[] = [];
    const queue = officeQueue();
    const failing = heldTask(log, 'failing', { error: new Error('busy') });
    const next = heldTask(log, 'next', { value: 'ok' });
    const failed = queue.run(failing.task).catch((error: unknown) => (error as Error).message);
    const result = queue.run(next.task);
    next.release();
    await settle();
    expect(log).toEqual(['start failing']);
    failing.release();
    expect(await failed).toBe('busy');
    expect(await result).toBe('ok');
    expect(log).toEqual(['start failing', 'end failing', 'start next', 'end next']);
  });
});
