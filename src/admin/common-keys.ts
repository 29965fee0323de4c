// The policy keys IT changes most, read from and written into the same draft document the JSON editor
// holds, so the form and the editor never disagree (docs/policy.md has every key).

import { DEFAULT_POLICY, isRecord, type PolicyProblem } from '../policy/index.js';

type Fields = Record<string, unknown>;

export interface CommonKeys {
  /** One recipient-list entry a line (docs/policy.md "Recipient lists"). */
  readonly internalDomains: string;
  readonly trustedDomains: string;
  readonly blockedRecipients: string;
  readonly attentionRecipients: string;
  /** One keyword a line: `block term` or `warn term`. */
  readonly keywords: string;
  readonly bccSuggestThreshold: string;
  readonly onError: string;
}

function fields(document: unknown): Fields | null {
  return isRecord(document) ? (document as Fields) : null;
}

function lines(value: unknown): string {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').join('\n') : '';
}

function keywordLines(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map(fields)
    .filter((rule): rule is Fields => rule !== null && typeof rule['term'] === 'string')
    .map((rule) => `${rule['action'] === 'block' ? 'block' : 'warn'} ${String(rule['term'])}`)
    .join('\n');
}

/** The form's fields for a draft; null when the draft is not a JSON object (the editor shows why). */
export function commonKeysOf(document: unknown): CommonKeys | null {
  const policy = fields(document);
  if (policy === null) return null;
  const threshold = policy['bccSuggestThreshold'];
  const onError = policy['onError'];
  return {
    internalDomains: lines(policy['internalDomains']),
    trustedDomains: lines(policy['trustedDomains']),
    blockedRecipients: lines(policy['blockedRecipients']),
    attentionRecipients: lines(policy['attentionRecipients']),
    keywords: keywordLines(policy['keywords']),
    bccSuggestThreshold: typeof threshold === 'number' ? String(threshold) : '',
    // Left out, the server applies the default (docs/policy.md); a blank select would show "allow", its first option.
    onError: typeof onError === 'string' ? onError : DEFAULT_POLICY.onError,
  };
}

/** The keys whose value is a recipient list, one entry a line in the form. */
export const RECIPIENT_LIST_KEYS: ReadonlyArray<keyof CommonKeys> = [
  'internalDomains',
  'trustedDomains',
  'blockedRecipients',
  'attentionRecipients',
];

function listOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Keywords from the form's lines; a term already in the draft keeps its other settings (`where`). */
function keywordsOf(text: string, before: unknown): Fields[] {
  const previous = Array.isArray(before) ? before.map(fields).filter((rule): rule is Fields => rule !== null) : [];
  return listOf(text).map((line) => {
    const match = /^(warn|block)\s+(.+)$/.exec(line);
    const term = match?.[2]?.trim() ?? line;
    const action = match?.[1] ?? 'warn';
    const kept = previous.find((rule) => rule['term'] === term);
    return { ...kept, term, action };
  });
}

/** The draft with one common key changed as the form says; other keys untouched, in their order. */
export function withCommonKey(document: unknown, key: keyof CommonKeys, value: string): Fields {
  const policy: Fields = { ...(fields(document) ?? {}) };
  if (RECIPIENT_LIST_KEYS.includes(key)) policy[key] = listOf(value);
  else if (key === 'keywords') policy[key] = keywordsOf(value, policy['keywords']);
  else if (key === 'bccSuggestThreshold') {
    // Left as typed when not a number: the parser then names `$.bccSuggestThreshold` in the problems.
    policy[key] = value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value);
  } else policy[key] = value;
  return policy;
}

/** What a field's text becomes once written into the draft and read back (blank lines dropped, actions named). */
export function normalisedField(key: keyof CommonKeys, value: string): string {
  return commonKeysOf(withCommonKey({}, key, value))?.[key] ?? '';
}

/** The problems under one key (`$.keywords`, `$.keywords[1].term`), which its field shows beside it. */
export function problemsOfKey(problems: readonly PolicyProblem[], key: keyof CommonKeys): PolicyProblem[] {
  const path = `$.${key}`;
  return problems.filter((problem) => problem.path === path || problem.path.startsWith(`${path}[`) || problem.path.startsWith(`${path}.`));
}
