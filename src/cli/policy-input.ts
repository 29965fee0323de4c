import { parsePolicy, type Policy } from '../policy/index.js';
import { decodeJson } from './json-input.js';
import type { Parsed } from './problem.js';

/** A valid policy document as read; the check parses it again as every host does. */
export interface PolicyFile {
  readonly policy: Policy;
  readonly document: unknown;
}

/** The policy core's problems by their codes, which are string-table keys, so they read in the CLI's language. */
export function parsePolicyFile(bytes: Uint8Array): Parsed<PolicyFile> {
  const document = decodeJson(bytes);
  if (!document.ok) return document;
  const parsed = parsePolicy(document.value);
  if (parsed.ok) return { ok: true, value: { policy: parsed.policy, document: document.value } };
  return {
    ok: false,
    problems: parsed.problems.map(({ path, code, params }) => ({
      path,
      message: params === undefined ? { key: code } : { key: code, params },
    })),
  };
}
