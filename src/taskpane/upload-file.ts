// Request bodies sent with upload progress. XMLHttpRequest because fetch reports no upload progress; it
// lives in the pane and not in src/api-client, which also compiles for classic Outlook's JavaScript-only
// runtime, where there is no XMLHttpRequest.
import { ApiError, httpError } from '../api-client/index.js';

export interface ProgressRequest {
  readonly origin: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly token: string;
  readonly contentType: string;
  readonly body: string | Uint8Array<ArrayBuffer>;
  /** Without any progress, up or down, for this long, the request is given up (a stalled network, not a slow one). */
  readonly stallTimeoutMs: number;
  /** Bytes of the body sent so far, of `total`. */
  readonly onProgress: (sentBytes: number, totalBytes: number) => void;
}

/** Resolves with the answer's text on a 2xx; every failure is an ApiError that says what went wrong. */
export function sendWithProgress(request: ProgressRequest): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let stall = 0;
    const settle = () => window.clearTimeout(stall);
    const watch = () => {
      settle();
      stall = window.setTimeout(() => {
        xhr.abort();
        reject(new ApiError('timeout', `no progress on ${request.path} within ${request.stallTimeoutMs} ms`));
      }, request.stallTimeoutMs);
    };
    xhr.open(request.method, `${request.origin.replace(/\/+$/, '')}${request.path}`);
    xhr.setRequestHeader('Authorization', `Bearer ${request.token}`);
    xhr.setRequestHeader('Content-Type', request.contentType);
    xhr.upload.onprogress = (event) => {
      watch();
      if (event.lengthComputable) request.onProgress(event.loaded, event.total);
    };
    xhr.upload.onload = watch;
    xhr.onprogress = watch;
    xhr.onload = () => {
      settle();
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.responseText);
      // httpError keeps the route's `reason`, the code the pane translates (api-failure.ts).
      else reject(httpError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError('network', `${request.method} ${request.path} failed on the way`));
    };
    watch();
    xhr.send(request.body);
  });
}

/** One file to the secure-link API. */
export async function uploadFile(request: {
  readonly origin: string;
  readonly path: string;
  readonly token: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly stallTimeoutMs: number;
  readonly onProgress: (sentBytes: number) => void;
}): Promise<void> {
  const { bytes, onProgress, ...rest } = request;
  await sendWithProgress({ ...rest, method: 'PUT', contentType: 'application/octet-stream', body: bytes, onProgress });
  onProgress(bytes.length);
}
