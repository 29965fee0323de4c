// The playground's mail catcher panel: what a development server kept instead of sending.
import { DEV_MAIL_PATH, parseDevMailAnswer, type DevMailAnswer } from '../protocol/index.js';
import { callApi, parsedAnswer } from './api-call.js';

export async function readDevMail(origin: string, token: string, timeoutMs: number): Promise<DevMailAnswer> {
  return parsedAnswer(
    parseDevMailAnswer(await callApi(origin, { method: 'GET', path: DEV_MAIL_PATH, token, timeoutMs })),
    DEV_MAIL_PATH,
    'a list of messages',
  );
}
