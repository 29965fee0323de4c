import { parsePolicy, type Policy } from '../policy/index.js';
import { decodeJson } from './json-input.js';
import type { Parsed } from './problem.js';

/** The policy core words its own problems; they are passed on as they are, each with its path. */
export function parsePolicyFile(bytes: Uint8Array): Parsed<Policy> {
  const document = decodeJson(bytes);
  if (!document.ok) return document;
  const parsed = parsePolicy(document.value);
  if (parsed.ok) return { ok: true, value: parsed.policy };
  return { ok: false, problems: parsed.problems.map(({ path, message }) => ({ path, message: { text: message } })) };
}
