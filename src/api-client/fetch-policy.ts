import { describeError, jsonValue } from '../policy/index.js';
import { POLICY_PATH } from '../protocol/index.js';
import { ApiError } from './api-error.js';

/** Same shape as the Office gateway's Timers, so the send handler can cancel both with one scope. */
export interface FetchTimers {
  start(callback: () => void, delayMs: number): unknown;
  cancel(handle: unknown): void;
}

const systemTimers: FetchTimers = {
  start: (callback, delayMs) => setTimeout(callback, delayMs),
  cancel: (handle) => clearTimeout(handle as number),
};

export interface FetchOptions {
  readonly timers?: FetchTimers;
}

/** `origin` without trailing slashes, or null when it is not an absolute http(s) origin. */
export function absoluteOrigin(origin: string): string | null {
  const base = origin.trim().replace(/\/+$/, '');
  return /^https?:\/\/[^/?#]+$/i.test(base) ? base : null;
}

/**
 * GET `${origin}/api/policy` and parse the body as JSON; the caller validates it with parsePolicy.
 * The URL is absolute because classic Outlook's JS-only runtime has no relative fetch, and the timeout is
 * a race because AbortController may not exist there (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes).
 */
export function fetchPolicyDocument(origin: string, timeoutMs: number, options?: FetchOptions): Promise<unknown> {
  const base = absoluteOrigin(origin);
  if (base === null) return Promise.reject(new ApiError('bad-origin', `not an absolute origin: ${origin}`));
  return getJsonWithin(`${base}${POLICY_PATH}`, timeoutMs, options);
}

/** GET a JSON document without credentials, given up after `timeoutMs`; failures are ApiErrors. */
export function getJsonWithin(url: string, timeoutMs: number, options?: FetchOptions): Promise<unknown> {
  const timers = options?.timers ?? systemTimers;
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      timers.cancel(timer);
      outcome();
    };
    const timer = timers.start(() => {
      settle(() => reject(new ApiError('timeout', `no answer within ${timeoutMs} ms`)));
    }, timeoutMs);
    request(url).then(
      (document) => settle(() => resolve(document)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

async function request(url: string): Promise<unknown> {
  let response: Awaited<ReturnType<typeof fetch>>;
  try {
    response = await fetch(url, { method: 'GET', cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new ApiError('network', describeError(error));
  }
  if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ApiError('network', describeError(error));
  }
  const document = jsonValue(text);
  if (document === undefined) throw new ApiError('bad-answer', 'the body is not JSON');
  return document;
}
