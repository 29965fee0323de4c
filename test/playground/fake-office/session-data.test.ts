import { describe, expect, it } from 'vitest';
import { SESSION_DATA_LIMIT } from '../../../src/playground/fake-office/session-data.js';
import { call, frameWith } from './helpers.js';

const SUCCEEDED = 0;
const FAILED = 1;

describe('fake sessionData', () => {
  it('sets, gets, lists, removes and clears string values', async () => {
    const { item } = frameWith();
    const data = item.sessionData;
    await call<void>((callback) => data.setAsync('a', '1', callback));
    await call<void>((callback) => data.setAsync('b', '2', callback));
    expect((await call<string>((callback) => data.getAsync('a', callback))).value).toBe('1');
    expect((await call<object>((callback) => data.getAllAsync(callback))).value).toEqual({ a: '1', b: '2' });
    await call<void>((callback) => data.removeAsync('a', callback));
    const missing = await call<string>((callback) => data.getAsync('a', callback));
    expect(missing.status).toBe(FAILED);
    await call<void>((callback) => data.clearAsync(callback));
    expect((await call<object>((callback) => data.getAllAsync(callback))).value).toEqual({});
  });

  it.each([
    { extra: 0, status: SUCCEEDED },
    { extra: 1, status: FAILED },
  ])('holds 50,000 characters in all (over by $extra: status $status)', async ({ extra, status }) => {
    const { item } = frameWith();
    const data = item.sessionData;
    await call<void>((callback) => data.setAsync('small', 'x', callback));
    const room = SESSION_DATA_LIMIT - 'small'.length - 1 - 'big'.length;
    const result = await call<void>((callback) => data.setAsync('big', 'y'.repeat(room + extra), callback));
    expect(result.status).toBe(status);
  });

  it('counts a replaced value once', async () => {
    const { item } = frameWith();
    const data = item.sessionData;
    const value = 'z'.repeat(SESSION_DATA_LIMIT - 1);
    expect((await call<void>((callback) => data.setAsync('k', value, callback))).status).toBe(SUCCEEDED);
    expect((await call<void>((callback) => data.setAsync('k', value, callback))).status).toBe(SUCCEEDED);
  });

  it('refuses a value that is not a string', async () => {
    const { item } = frameWith();
    const result = await call<void>((callback) => item.sessionData.setAsync('k', 5 as unknown as string, callback));
    expect(result.status).toBe(FAILED);
  });
});
