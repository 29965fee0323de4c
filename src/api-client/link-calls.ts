// The review pane's secure-link calls (everything but the upload itself, which needs progress events).
import {
  LINKS_PATH,
  MY_LINKS_PATH,
  completeLinksPath,
  parseCompletedLinks,
  parseCreatedLinks,
  parseLinkSummary,
  parseMyLinks,
  revokeLinksPath,
  type CompletedLinks,
  type CreateLinksRequest,
  type CreatedLinks,
  type LinkSummary,
} from '../protocol/index.js';
import { callApi, parsedAnswer } from './api-call.js';

export async function createLinks(origin: string, token: string, request: CreateLinksRequest, timeoutMs: number): Promise<CreatedLinks> {
  const answer = await callApi(origin, { method: 'POST', path: LINKS_PATH, token, body: request, timeoutMs });
  return parsedAnswer(parseCreatedLinks(answer), LINKS_PATH, 'an upload path for every file');
}

export async function completeLinks(origin: string, token: string, packageId: string, timeoutMs: number): Promise<CompletedLinks> {
  const path = completeLinksPath(packageId);
  return parsedAnswer(parseCompletedLinks(await callApi(origin, { method: 'POST', path, token, timeoutMs })), path, 'a link per recipient');
}

export async function myLinks(origin: string, token: string, timeoutMs: number): Promise<LinkSummary[]> {
  return parsedAnswer(
    parseMyLinks(await callApi(origin, { method: 'GET', path: MY_LINKS_PATH, token, timeoutMs })),
    MY_LINKS_PATH,
    'a list of links',
  );
}

export async function revokeLinks(origin: string, token: string, packageId: string, timeoutMs: number): Promise<LinkSummary> {
  const path = revokeLinksPath(packageId);
  return parsedAnswer(parseLinkSummary(await callApi(origin, { method: 'POST', path, token, timeoutMs })), path, 'the revoked package');
}
