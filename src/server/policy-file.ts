import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parsePolicy, type Policy, type PolicyProblem } from '../policy/index.js';

/** A policy as the server publishes it: the validated document, its compact JSON and that JSON's ETag. */
export interface PublishedPolicy {
  readonly document: unknown;
  readonly policy: Policy;
  readonly json: string;
  readonly etag: string;
}

export type PolicyFileResult =
  | { readonly ok: true; readonly published: PublishedPolicy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** People editing the file need a line and column where JSON.parse gives an offset (when it gives one). */
function describeSyntaxError(text: string, error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  const offset = /at position (\d+)/.exec(message);
  if (offset === null || /line \d+/.test(message)) return `not valid JSON: ${message}`;
  const before = text.slice(0, Number(offset[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `not valid JSON: ${message} (line ${line}, column ${column})`;
}

export function publishPolicy(text: string): PolicyFileResult {
  let document: unknown;
  try {
    // Windows editors may save a byte-order mark.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: describeSyntaxError(text, error) }] };
  }
  const parsed = parsePolicy(document);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const json = JSON.stringify(document);
  return { ok: true, published: { document, policy: parsed.policy, json, etag: entityTag(json) } };
}

export async function readPolicyFile(file: string): Promise<PolicyFileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? String(error)})`;
    return { ok: false, problems: [{ path: '$', message: reason }] };
  }
  return publishPolicy(text);
}

/** One line per problem, each naming the file and the JSON path, as an admin fixes them. */
export function describeProblems(file: string, problems: readonly PolicyProblem[]): string[] {
  return problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`);
}
