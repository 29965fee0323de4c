/**
 * Why a setting of another product was not carried over, or carried over with a difference. Each code is
 * the tail of a string-table key `cli.import.reason.<code>` (src/i18n/tables/cli-import.ts); docs/migrate.md
 * explains every one.
 */
export const IMPORT_REASONS = [
  'unknown-setting',
  'unknown-file',
  'unknown-section',
  'bad-value',
  'invalid-entry',
  'invalid-keyword',
  'wildcard-keyword',
  'keyword-exclusion',
  'exclusion-wider',
  'second-confirmation',
  'custom-message',
  'message-language',
  'countdown',
  'domain-count-differs',
  'bcc-conversion',
  'distribution-lists',
  'meetings-always-checked',
  'inline-images-ignored',
  'require-check-text',
  'fixed-parameters',
  'dialog-layout',
  'new-domain-info',
  'delay-rounded',
  'delay-too-long',
  'delay-per-recipient',
  'conditional-cc-bcc',
  'sender-cc-bcc',
  'whitelist-confirmed',
  'skip-confirmation',
  'sender-domain-internal',
  'internal-only-confirmed',
  'attachment-rules',
  'keyword-recipients',
  'contacts',
  'forgotten-attachment',
  'auto-check',
  'received-mail',
  'body-edit',
  'auto-delete',
  'no-equivalent',
] as const;

export type ImportReason = (typeof IMPORT_REASONS)[number];

/** One setting not carried over as it was: where it was written and why. `line` is 1-based; absent for a whole file. */
export interface ImportNote {
  readonly file: string;
  readonly line?: number;
  /** As written; empty when the note is about the whole file. */
  readonly setting: string;
  readonly reason: ImportReason;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A policy document (docs/policy.md) as plain JSON, and what could not be carried into it. */
export interface ImportResult {
  readonly document: Readonly<Record<string, unknown>>;
  readonly notes: readonly ImportNote[];
}

/** The settings files found in the folder, by the name the product gives them; absent files are not in the map. */
export type SettingsFiles = ReadonlyMap<string, string>;

export function note(
  file: string,
  line: number | undefined,
  setting: string,
  reason: ImportReason,
  params?: ImportNote['params'],
): ImportNote {
  return {
    file,
    ...(line === undefined ? {} : { line }),
    setting,
    reason,
    ...(params === undefined ? {} : { params }),
  };
}

/** By file, in the order the product's files are listed (others after), then by line; a whole-file note first. */
export function sortNotes(notes: readonly ImportNote[], fileOrder: readonly string[]): ImportNote[] {
  const rank = (file: string): number => {
    const index = fileOrder.indexOf(file);
    return index < 0 ? fileOrder.length : index;
  };
  return [...notes].sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
