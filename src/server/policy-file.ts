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
  if (offset === null || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(offset[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

export function publishPolicy(text: string): PolicyFileResult {
  let document: unknown;
  try {
    // Windows editors may save a byte-order mark.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = describeSyntaxError(text, error);
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${detail}`, code: 'policy.syntax', params: { detail } }] };
  }
  const parsed = parsePolicy(document);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const json = JSON.stringify(document);
  return { ok: true, published: { document, policy: parsed.policy, json, etag: entityTag(json) } };
}

/** The policy file's text and the SHA-256 (hex) of its bytes, or why there is none. */
export type PolicySource =
  | { readonly kind: 'read'; readonly text: string; readonly sha256: string }
  | { readonly kind: 'missing' | 'unreadable'; readonly problems: readonly PolicyProblem[] };

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readPolicySource(file: string): Promise<PolicySource> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing', problems: [{ path: '$', message: 'the file does not exist', code: 'policy.file-missing' }] };
    const detail = code ?? String(error);
    return { kind: 'unreadable', problems: [{ path: '$', message: `the file cannot be read (${detail})`, code: 'policy.file-unreadable', params: { detail } }] };
  }
  return { kind: 'read', text: bytes.toString('utf8'), sha256: sha256Hex(bytes) };
}

export async function readPolicyFile(file: string): Promise<PolicyFileResult> {
  const source = await readPolicySource(file);
  return source.kind === 'read' ? publishPolicy(source.text) : { ok: false, problems: source.problems };
}

/** One line per problem, each naming the file and the JSON path, as an admin fixes them. */
export function describeProblems(file: string, problems: readonly PolicyProblem[]): string[] {
  return problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`);
}
