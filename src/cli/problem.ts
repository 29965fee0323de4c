import type { StringKey } from '../i18n/strings.js';
import type { Params } from '../i18n/translate.js';

/** What went wrong, as a string-table key (a policy problem's code is one) and its params. */
export interface ProblemMessage {
  readonly key: StringKey;
  readonly params?: Params;
}

/** One reason an input cannot be used; `path` is a JSON path (`$.to[1].address`) or `$` for the whole file. */
export interface Problem {
  readonly path: string;
  readonly message: ProblemMessage;
}

export function problem(path: string, key: StringKey, params?: Params): Problem {
  return params === undefined ? { path, message: { key } } : { path, message: { key, params } };
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };
