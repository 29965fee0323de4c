// The admin console's policy calls (docs/admin.md "Console"): the active version, the history, save, rollback.
import {
  ADMIN_POLICY_PATH,
  ADMIN_POLICY_ROLLBACK_PATH,
  ADMIN_POLICY_VERSIONS_PATH,
  parseActivePolicy,
  parsePolicyVersion,
  parsePolicyVersions,
  type ActivePolicy,
  type PolicyVersion,
  type PolicyVersionPage,
} from '../protocol/index.js';
import { callApi, parsedAnswer } from './api-call.js';

export async function readActivePolicy(origin: string, token: string, timeoutMs: number): Promise<ActivePolicy> {
  return parsedAnswer(
    parseActivePolicy(await callApi(origin, { method: 'GET', path: ADMIN_POLICY_PATH, token, timeoutMs })),
    ADMIN_POLICY_PATH,
    'the active version',
  );
}

/** One page of the history; `before` is the previous page's `nextBefore`. */
export async function readPolicyVersions(origin: string, token: string, timeoutMs: number, before?: number): Promise<PolicyVersionPage> {
  const path = before === undefined ? ADMIN_POLICY_VERSIONS_PATH : `${ADMIN_POLICY_VERSIONS_PATH}?before=${before}`;
  const answer = await callApi(origin, { method: 'GET', path, token, timeoutMs });
  return parsedAnswer(parsePolicyVersions(answer), ADMIN_POLICY_VERSIONS_PATH, 'a list of versions');
}

/** A refusal is an ApiError: 400 `invalid-policy` with its problems, 409 `unchanged` or `conflict`. */
export async function savePolicy(
  origin: string,
  token: string,
  save: { readonly document: unknown; readonly reason: string; readonly baseVersion: number },
  timeoutMs: number,
): Promise<PolicyVersion> {
  return parsedAnswer(
    parsePolicyVersion(await callApi(origin, { method: 'POST', path: ADMIN_POLICY_PATH, token, body: save, timeoutMs })),
    ADMIN_POLICY_PATH,
    'the new version',
  );
}

export async function rollbackPolicy(
  origin: string,
  token: string,
  rollback: { readonly version: number; readonly reason: string },
  timeoutMs: number,
): Promise<PolicyVersion> {
  const answer = await callApi(origin, { method: 'POST', path: ADMIN_POLICY_ROLLBACK_PATH, token, body: rollback, timeoutMs });
  return parsedAnswer(parsePolicyVersion(answer), ADMIN_POLICY_ROLLBACK_PATH, 'the new version');
}
