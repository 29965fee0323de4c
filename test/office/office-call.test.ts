import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callOffice } from '../../src/office/office-call.js';
import { OfficeCallError } from '../../src/office/index.js';
import { systemTimers } from '../../src/office/timers.js';
import { createOfficeFake } from '../fakes/office-fake.js';

const settings = { timeoutMs: 1_000, timers: systemTimers };
const SUCCEEDED = 'succeeded' as unknown as Office.AsyncResultStatus;
const FAILED = 'failed' as unknown as Office.AsyncResultStatus;

function result<T>(status: Office.AsyncResultStatus, value: T, error?: Partial<Office.Error>): Office.AsyncResult<T> {
  return { status, value, error } as Office.AsyncResult<T>;
}

describe('callOffice', () => {
  let uninstall: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    uninstall = createOfficeFake().install();
  });
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });

  it('resolves with the value on Succeeded and clears its timer', async () => {
    const value = callOffice('subject.getAsync', settings, (callback) => callback(result(SUCCEEDED, 'Hello')));
    await expect(value).resolves.toBe('Hello');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the operation and Office error code on Failed', async () => {
    const call = callOffice('to.setAsync', settings, (callback) =>
      callback(result(FAILED, undefined, { code: 9041, name: 'NumberOfRecipientsExceeded', message: 'too many' })),
    );
    await expect(call).rejects.toMatchObject({ name: 'OfficeCallError', operation: 'to.setAsync', kind: 'failed', code: '9041' });
    await expect(call).rejects.toThrow(/NumberOfRecipientsExceeded: too many/);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses the error name as the code when Office gives no number', async () => {
    const call = callOffice('body.getAsync', settings, (callback) => callback(result(FAILED, undefined, { name: 'InvalidCoercion' })));
    await expect(call).rejects.toMatchObject({ code: 'InvalidCoercion' });
  });

  it('rejects on timeout and ignores a callback that arrives afterwards', async () => {
    let late: ((result: Office.AsyncResult<string>) => void) | undefined;
    const call = callOffice<string>('cc.getAsync', settings, (callback) => {
      late = callback;
    });
    const outcome = call.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    late?.(result(SUCCEEDED, 'too late'));
    const settled = await outcome;
    expect(settled).toEqual({ error: expect.any(OfficeCallError) });
    expect(settled).toMatchObject({ error: { operation: 'cc.getAsync', kind: 'timeout', code: 'timeout' } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects when the Office method throws instead of calling back', async () => {
    const call = callOffice('getAttachmentsAsync', settings, () => {
      throw new TypeError('getAttachmentsAsync is not a function');
    });
    await expect(call).rejects.toMatchObject({ operation: 'getAttachmentsAsync', kind: 'threw' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts a second callback from Office only once', async () => {
    const call = callOffice('subject.getAsync', settings, (callback) => {
      callback(result(SUCCEEDED, 'first'));
      callback(result(FAILED, 'second', { code: 1 }));
    });
    await expect(call).resolves.toBe('first');
  });

  it('rejects as unavailable when office.js is not loaded', async () => {
    uninstall();
    const invoke = vi.fn();
    await expect(callOffice('subject.getAsync', settings, invoke)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(invoke).not.toHaveBeenCalled();
  });
});
