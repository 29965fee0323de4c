import { describe, expect, it } from 'vitest';
import { __awaiter, __rest } from '../../src/launchevent/ts-helpers.js';

describe('__awaiter', () => {
  it('resolves to what the body returns, after awaiting each yielded value', async () => {
    const seen: unknown[] = [];
    const result = __awaiter(undefined, undefined, undefined, function* () {
      seen.push(yield Promise.resolve(1));
      seen.push(yield 2);
      return 'done';
    });
    await expect(result).resolves.toBe('done');
    expect(seen).toEqual([1, 2]);
  });

  it('throws a rejected value into the body, where a catch sees it', async () => {
    const result = __awaiter(undefined, undefined, undefined, function* () {
      try {
        yield Promise.reject(new Error('refused'));
        return 'not caught';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    });
    await expect(result).resolves.toBe('caught refused');
  });

  it('rejects when the body throws, before or after an await', async () => {
    const early = __awaiter(undefined, undefined, undefined, function* () {
      throw new Error('early');
    });
    const late = __awaiter(undefined, undefined, undefined, function* () {
      yield 1;
      throw new Error('late');
    });
    await expect(early).rejects.toThrow('early');
    await expect(late).rejects.toThrow('late');
  });

  it('runs the body with the caller’s this and arguments', async () => {
    const owner = { name: 'owner' };
    function call(this: typeof owner, ..._args: unknown[]): Promise<unknown> {
      return __awaiter(this, arguments, undefined, function* (this: typeof owner, first: unknown, second: unknown) {
        return [this.name, first, second];
      } as (this: unknown, ...args: unknown[]) => Generator<unknown, unknown, unknown>);
    }
    await expect(call.call(owner, 'a', 'b')).resolves.toEqual(['owner', 'a', 'b']);
  });
});

describe('__rest', () => {
  it('copies every own property but the excluded ones', () => {
    const source = Object.assign(Object.create({ inherited: true }) as object, { a: 1, b: 2, c: 3 });
    expect(__rest(source, ['b'])).toEqual({ a: 1, c: 3 });
  });
});
