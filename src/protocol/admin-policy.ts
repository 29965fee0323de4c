// The administrators' policy routes (docs/policy.md, policy versions; src/server/routes/admin-policy.ts on
// the branch that adds them) and the parsers the console reads their answers with.
import { fieldsOf, listOf } from './fields.js';

export type PolicySource = 'file' | 'admin' | 'rollback';

/** The longest `reason` a save or rollback may carry; the server answers 400 above it, the console's fields stop there. */
export const POLICY_REASON_MAX_LENGTH = 500;

export interface PolicyVersionSummary {
  readonly version: number;
  readonly sha256: string;
  readonly createdAt: string;
  /** The administrator; null for a version taken from the policy file. */
  readonly createdBy: { readonly id: string; readonly address: string | null } | null;
  readonly reason: string;
  readonly source: PolicySource;
  readonly restoredFrom?: number;
}

export interface PolicyVersion extends PolicyVersionSummary {
  readonly document: unknown;
}

/**
 * A policy problem as the server sends it (src/policy PolicyProblem): `code` is kept as a string, since a newer
 * server may send a code this console does not know; it then shows the English `message`.
 */
export interface PolicyProblemOnWire {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ActivePolicy extends PolicyVersion {
  readonly file: { readonly status: 'ok' | 'rejected' | 'missing'; readonly problems: readonly PolicyProblemOnWire[] };
}

function author(value: unknown): PolicyVersionSummary['createdBy'] | undefined {
  if (value === null) return null;
  const fields = fieldsOf(value);
  if (fields === null || typeof fields['id'] !== 'string') return undefined;
  const address = fields['address'];
  return { id: fields['id'], address: typeof address === 'string' ? address : null };
}

export function parsePolicyVersionSummary(value: unknown): PolicyVersionSummary | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { version, sha256, createdAt, reason, source, restoredFrom } = fields;
  const createdBy = author(fields['createdBy']);
  if (
    typeof version !== 'number' ||
    typeof sha256 !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof reason !== 'string' ||
    createdBy === undefined
  )
    return null;
  if (source !== 'file' && source !== 'admin' && source !== 'rollback') return null;
  return { version, sha256, createdAt, createdBy, reason, source, ...(typeof restoredFrom === 'number' ? { restoredFrom } : {}) };
}

export function parsePolicyVersion(value: unknown): PolicyVersion | null {
  const summary = parsePolicyVersionSummary(value);
  const document = fieldsOf(value)?.['document'];
  return summary === null || fieldsOf(document) === null ? null : { ...summary, document };
}

function problemParams(value: unknown): PolicyProblemOnWire['params'] | undefined {
  const fields = fieldsOf(value);
  if (fields === null) return undefined;
  const params: Record<string, string | number> = {};
  for (const name of Object.keys(fields)) {
    const param = fields[name];
    if (typeof param !== 'string' && typeof param !== 'number') return undefined;
    params[name] = param;
  }
  return params;
}

function problems(value: unknown): PolicyProblemOnWire[] | null {
  return listOf(value, (item) => {
    const { path, message, code } = item;
    if (typeof path !== 'string' || typeof message !== 'string') return null;
    const params = problemParams(item['params']);
    return { path, message, ...(typeof code === 'string' ? { code } : {}), ...(params === undefined ? {} : { params }) };
  });
}

export function parseActivePolicy(value: unknown): ActivePolicy | null {
  const version = parsePolicyVersion(value);
  const file = fieldsOf(fieldsOf(value)?.['file']);
  const status = file?.['status'];
  const fileProblems = problems(file?.['problems']);
  if (version === null || fileProblems === null || (status !== 'ok' && status !== 'rejected' && status !== 'missing')) return null;
  return { ...version, file: { status, problems: fileProblems } };
}

/** One page of the history, newest first; `nextBefore` asks for the next page, null on the last. */
export interface PolicyVersionPage {
  readonly versions: readonly PolicyVersionSummary[];
  readonly nextBefore: number | null;
}

export function parsePolicyVersions(value: unknown): PolicyVersionPage | null {
  const versions = fieldsOf(value)?.['versions'];
  const nextBefore = fieldsOf(value)?.['nextBefore'];
  if (!Array.isArray(versions) || !(nextBefore === null || (typeof nextBefore === 'number' && Number.isSafeInteger(nextBefore))))
    return null;
  const parsed = versions.map(parsePolicyVersionSummary);
  return parsed.every((version): version is PolicyVersionSummary => version !== null) ? { versions: parsed, nextBefore } : null;
}

/** The path problems of a refused save (`400 invalid-policy`), from the answer's body; [] when it has none. */
export function parsePolicyProblems(value: unknown): PolicyProblemOnWire[] {
  return [...(problems(fieldsOf(value)?.['problems']) ?? [])];
}
