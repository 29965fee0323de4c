import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchPolicyDocument, ApiError } from '../../src/api-client/index.js';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function response(status: number, text: string) {
  return {
    ok: status >= 200 && status < 300,
    status,
    text: () => Promise.resolve(text),
    json: () => Promise.resolve(JSON.parse(text) as unknown),
  };
}

describe('fetchPolicyDocument', () => {
  it('GETs the absolute /api/policy URL without the browser cache and returns the parsed body', async () => {
    const fetch = vi.fn((_url: string, _init?: object) => Promise.resolve(response(200, '{"version":1}')));
    vi.stubGlobal('fetch', fetch);
    await expect(fetchPolicyDocument('https://preflight.example/', 1_000)).resolves.toEqual({ version: 1 });
    expect(fetch).toHaveBeenCalledWith(
      'https://preflight.example/api/policy',
      expect.objectContaining({ method: 'GET', cache: 'no-store' }),
    );
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['a network error', () => Promise.reject(new TypeError('Network request failed')), 'network', undefined],
    ['HTTP 500', () => Promise.resolve(response(500, 'oops')), 'http', 500],
    ['a body that is not JSON', () => Promise.resolve(response(200, '<html>')), 'bad-answer', undefined],
    [
      'a body that cannot be read',
      () => Promise.resolve({ ok: true, status: 200, text: () => Promise.reject(new Error('reset')) }),
      'network',
      undefined,
    ],
  ])('rejects with a typed error on %s', async (_case, respond, code, status) => {
    vi.stubGlobal('fetch', vi.fn(respond));
    const error: unknown = await fetchPolicyDocument('https://preflight.example', 1_000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code, status });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects when there is no fetch at all', async () => {
    vi.stubGlobal('fetch', undefined);
    await expect(fetchPolicyDocument('https://preflight.example', 1_000)).rejects.toMatchObject({ code: 'network' });
  });

  it('times out with a race, since AbortController may not exist, and ignores a late answer', async () => {
    let answer: ((value: unknown) => void) | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise((resolve) => (answer = resolve))),
    );
    const outcome = fetchPolicyDocument('https://preflight.example', 1_000).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    answer?.(response(200, '{"version":1}'));
    expect(await outcome).toMatchObject({ error: { name: 'ApiError', code: 'timeout' } });
  });

  it('uses the timers it is given, so the caller can cancel them', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => undefined)),
    );
    const timers = { start: vi.fn(() => 'handle'), cancel: vi.fn() };
    void fetchPolicyDocument('https://preflight.example', 1_000, { timers });
    expect(timers.start).toHaveBeenCalledWith(expect.any(Function), 1_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each(['', 'preflight.example', '/api', 'https://preflight.example/base', 'ftp://preflight.example'])(
    'refuses %j as an origin without calling fetch',
    async (origin) => {
      const fetch = vi.fn();
      vi.stubGlobal('fetch', fetch);
      await expect(fetchPolicyDocument(origin, 1_000)).rejects.toMatchObject({ code: 'bad-origin' });
      expect(fetch).not.toHaveBeenCalled();
    },
  );
});
