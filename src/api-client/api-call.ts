// One JSON call to the Preflight API from the review pane: absolute URL, bearer token, a timeout, and every
// failure as an ApiError that says what went wrong (the server's `message` for HTTP errors).
import { describeError, jsonValue } from '../policy/index.js';
import { ApiError, httpError } from './api-error.js';
import { absoluteOrigin } from './fetch-policy.js';

export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly token?: string;
  readonly body?: unknown;
  readonly timeoutMs: number;
}

function baseOf(origin: string): string {
  const base = absoluteOrigin(origin);
  if (base === null) throw new ApiError('bad-origin', `not an absolute origin: ${origin}`);
  return base;
}

/**
 * The timeout is a race, as in fetchPolicyDocument: src/api-client also compiles for classic Outlook's JS
 * runtime, which may have no AbortController. A late answer after the timeout is dropped.
 */
export function callApi(origin: string, request: ApiRequest): Promise<unknown> {
  let base: string;
  try {
    base = baseOf(origin);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new ApiError('timeout', `no answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    send(`${base}${request.path}`, request).then(
      (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function send(url: string, request: ApiRequest): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.token !== undefined) headers['Authorization'] = `Bearer ${request.token}`;
  let response: Awaited<ReturnType<typeof fetch>>;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: request.body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      cache: 'no-store',
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    throw new ApiError('network', describeError(error));
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ApiError('network', describeError(error));
  }
  if (!response.ok) throw httpError(response.status, text);
  return jsonAnswer(text);
}

/** A successful answer's body, which must be JSON. */
export function jsonAnswer(text: string): unknown {
  const answer = jsonValue(text);
  if (answer === undefined) throw new ApiError('bad-answer', 'the answer is not JSON');
  return answer;
}

/** A parser's result, or a `bad-answer` failure naming the path and what the answer lacked. */
export function parsedAnswer<T>(value: T | null, path: string, what: string): T {
  if (value === null) throw new ApiError('bad-answer', `${path} answered without ${what}`);
  return value;
}
