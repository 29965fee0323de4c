import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseJsonText, parsePolicyText, strictUtf8Text, syntaxDetail, type Policy, type PolicyProblem } from '../policy/index.js';

/** A policy as the server publishes it: the validated document, its compact JSON and that JSON's ETag. */
export interface PublishedPolicy {
  readonly document: unknown;
  readonly policy: Policy;
  readonly json: string;
  readonly etag: string;
}

export type PolicyFileResult =
  { readonly ok: true; readonly published: PublishedPolicy } | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export function publishPolicy(text: string): PolicyFileResult {
  // Windows editors may save a byte-order mark.
  const bare = text.replace(/^\uFEFF/, '');
  const parsedText = parseJsonText(bare);
  if (!parsedText.ok) {
    const detail = syntaxDetail(parsedText);
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${detail}`, code: 'policy.syntax', params: { detail } }] };
  }
  const document = parsedText.value;
  const parsed = parsePolicyText(bare, document);
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
    if (code === 'ENOENT')
      return { kind: 'missing', problems: [{ path: '$', message: 'the file does not exist', code: 'policy.file-missing' }] };
    const detail = code ?? String(error);
    return {
      kind: 'unreadable',
      problems: [{ path: '$', message: `the file cannot be read (${detail})`, code: 'policy.file-unreadable', params: { detail } }],
    };
  }
  const text = strictUtf8Text(bytes);
  if (text === null) {
    return { kind: 'unreadable', problems: [{ path: '$', message: 'not UTF-8 text; save the file as UTF-8', code: 'policy.not-utf8' }] };
  }
  return { kind: 'read', text, sha256: sha256Hex(bytes) };
}

/** The policy file as the server would publish it, with the SHA-256 of its bytes; or why it cannot be. */
export type PublishedFile =
  | { readonly ok: true; readonly published: PublishedPolicy; readonly sha256: string }
  | { readonly ok: false; readonly missing: boolean; readonly problems: readonly PolicyProblem[] };

export async function readPublishedFile(file: string): Promise<PublishedFile> {
  const source = await readPolicySource(file);
  if (source.kind !== 'read') return { ok: false, missing: source.kind === 'missing', problems: source.problems };
  const result = publishPolicy(source.text);
  return result.ok
    ? { ok: true, published: result.published, sha256: source.sha256 }
    : { ok: false, missing: false, problems: result.problems };
}

/** One line per problem, each naming the file and the JSON path, as an admin fixes them. */
export function describeProblems(file: string, problems: readonly PolicyProblem[]): string[] {
  return problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`);
}
