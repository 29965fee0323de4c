// The review pane's calls for protecting attachments.
import {
  AUTH_CONFIG_PATH,
  PROTECT_ZIP_PATH,
  parseClientAuthConfig,
  parseProtectZipAnswer,
  type ClientAuthConfig,
  type ProtectZipAnswer,
} from '../protocol/index.js';
import { callApi, jsonAnswer } from './api-call.js';
import { ApiError } from './api-error.js';

export async function fetchAuthConfig(origin: string, timeoutMs: number): Promise<ClientAuthConfig> {
  const answer = parseClientAuthConfig(await callApi(origin, { method: 'GET', path: AUTH_CONFIG_PATH, timeoutMs }));
  if (answer === null) throw new ApiError('bad-answer', `${AUTH_CONFIG_PATH} answered in an unknown shape`);
  return answer;
}

/**
 * The pane posts a ProtectZipRequest to PROTECT_ZIP_PATH itself, to show upload progress (fetch has none);
 * this reads the successful answer's text.
 */
export function readProtectZipAnswer(text: string): ProtectZipAnswer {
  const answer = parseProtectZipAnswer(jsonAnswer(text));
  if (answer === null) throw new ApiError('bad-answer', `${PROTECT_ZIP_PATH} answered without a ZIP or its password`);
  return answer;
}
