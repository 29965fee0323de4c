// The review pane's calls for protecting attachments.
import {
  AUTH_CONFIG_PATH,
  PROTECT_ZIP_PATH,
  parseClientAuthConfig,
  parseProtectZipAnswer,
  type ClientAuthConfig,
  type ProtectZipAnswer,
  type ProtectZipRequest,
} from '../protocol/index.js';
import { callApi } from './api-call.js';
import { ApiError } from './api-error.js';

export async function fetchAuthConfig(origin: string, timeoutMs: number): Promise<ClientAuthConfig> {
  const answer = parseClientAuthConfig(await callApi(origin, { method: 'GET', path: AUTH_CONFIG_PATH, timeoutMs }));
  if (answer === null) throw new ApiError('bad-answer', `${AUTH_CONFIG_PATH} answered in an unknown shape`);
  return answer;
}

/** 25 MB of attachments takes a few seconds each way; the timeout is the caller's, sized to the files. */
export async function protectZip(origin: string, token: string, request: ProtectZipRequest, timeoutMs: number): Promise<ProtectZipAnswer> {
  const answer = parseProtectZipAnswer(await callApi(origin, { method: 'POST', path: PROTECT_ZIP_PATH, token, body: request, timeoutMs }));
  if (answer === null) throw new ApiError('bad-answer', `${PROTECT_ZIP_PATH} answered without a ZIP or its password`);
  return answer;
}
