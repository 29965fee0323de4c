// One file to the secure-link API with upload progress. XMLHttpRequest because fetch reports no upload
// progress; it lives in the pane and not in src/api-client, which also compiles for classic Outlook's
// JavaScript-only runtime, where there is no XMLHttpRequest.
import { ApiError, serverMessage } from '../api-client/index.js';

export interface UploadRequest {
  readonly origin: string;
  readonly path: string;
  readonly token: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Without any progress for this long, the upload is given up (a stalled network, not a slow one). */
  readonly stallTimeoutMs: number;
  readonly onProgress: (sentBytes: number) => void;
}


export function uploadFile(request: UploadRequest): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let stall = 0;
    const watch = () => {
      window.clearTimeout(stall);
      stall = window.setTimeout(() => {
        xhr.abort();
        reject(new ApiError('timeout', `no upload progress within ${request.stallTimeoutMs} ms`));
      }, request.stallTimeoutMs);
    };
    xhr.open('PUT', `${request.origin.replace(/\/+$/, '')}${request.path}`);
    xhr.setRequestHeader('Authorization', `Bearer ${request.token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      watch();
      request.onProgress(event.loaded);
    };
    xhr.onload = () => {
      window.clearTimeout(stall);
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress(request.bytes.length);
        resolve();
      } else {
        reject(new ApiError('http', serverMessage(xhr.responseText), xhr.status));
      }
    };
    xhr.onerror = () => {
      window.clearTimeout(stall);
      reject(new ApiError('network', `the upload of ${request.path} failed`));
    };
    watch();
    xhr.send(request.bytes);
  });
}
