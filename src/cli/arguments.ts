// The command line as a value: what to run, or the usage error to report (exit 64).
import { parseArgs } from 'node:util';
import type { Locale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';
import type { Params } from '../i18n/translate.js';

export type OutputFormat = 'text' | 'json';
/** The products `preflight policy import` reads (docs/migrate.md). */
export type ImportSource = 'flexconfirmmail' | 'outlookokan';
export type HelpTopic = 'main' | 'check' | 'policy';

export interface UsageError {
  readonly key: StringKey;
  readonly params?: Params;
}

export type Command =
  | { readonly kind: 'help'; readonly topic: HelpTopic; readonly locale: Locale }
  | {
      readonly kind: 'check';
      readonly locale: Locale;
      readonly policyFile?: string;
      readonly format: OutputFormat;
      readonly messages: readonly string[];
      readonly maxAttachmentMb?: number;
      readonly historyFile?: string;
    }
  | { readonly kind: 'policy-check'; readonly locale: Locale; readonly file: string }
  | {
      readonly kind: 'policy-import';
      readonly locale: Locale;
      readonly from: ImportSource;
      readonly folder: string;
      readonly out?: string;
    }
  | { readonly kind: 'usage-error'; readonly locale: Locale; readonly topic: HelpTopic; readonly error: UsageError };

const OPTIONS = {
  policy: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'max-attachment-mb': { type: 'string' },
  from: { type: 'string' },
  out: { type: 'string' },
  history: { type: 'string' },
} as const;

/** Whole MiB; 1024 is ten times the default bound and already more than any mail server relays. */
export const MAX_ATTACHMENT_MB_RANGE = { min: 1, max: 1024 } as const;

type OptionName = keyof typeof OPTIONS;

const FORMATS: ReadonlySet<string> = new Set<OutputFormat>(['text', 'json']);
const LOCALES: ReadonlySet<string> = new Set<Locale>(['ja', 'en']);
const IMPORT_SOURCES: ReadonlySet<string> = new Set<ImportSource>(['flexconfirmmail', 'outlookokan']);

interface Scanned {
  readonly options: ReadonlyMap<OptionName, string | true>;
  readonly positionals: readonly string[];
  readonly error?: UsageError;
}

/** `defaultLocale` comes from the environment; `--lang` overrides it, for errors too. */
export function parseCommandLine(args: readonly string[], defaultLocale: Locale): Command {
  const scanned = scan(args);
  const lang = scanned.options.get('lang');
  const locale = typeof lang === 'string' && LOCALES.has(lang) ? (lang as Locale) : defaultLocale;
  const [command, ...rest] = scanned.positionals;
  const topic = helpTopic(command);
  if (scanned.options.has('help')) return { kind: 'help', topic, locale };
  const fail = (error: UsageError): Command => ({ kind: 'usage-error', locale, topic, error });
  if (scanned.error !== undefined) return fail(scanned.error);
  if (typeof lang === 'string' && !LOCALES.has(lang)) return fail({ key: 'cli.usage.badLang', params: { value: lang } });
  switch (command) {
    case undefined:
      return fail({ key: 'cli.usage.noCommand' });
    case 'help':
      return { kind: 'help', topic: helpTopic(rest[0]), locale };
    case 'check':
      return checkCommand(scanned.options, rest, locale, fail);
    case 'policy':
      return policyCommand(scanned.options, rest, locale, fail);
    default:
      return fail({ key: 'cli.usage.unknownCommand', params: { command } });
  }
}

function helpTopic(command: string | undefined): HelpTopic {
  return command === 'check' || command === 'policy' ? command : 'main';
}

function checkCommand(
  options: Scanned['options'],
  messages: readonly string[],
  locale: Locale,
  fail: (error: UsageError) => Command,
): Command {
  for (const name of ['from', 'out'] as const) {
    if (options.has(name)) return fail({ key: 'cli.usage.optionNotForCommand', params: { option: `--${name}`, command: 'check' } });
  }
  const format = options.get('format') ?? 'text';
  if (typeof format !== 'string' || !FORMATS.has(format)) {
    return fail({ key: 'cli.usage.badFormat', params: { value: String(format) } });
  }
  const maxAttachment = options.get('max-attachment-mb');
  const maxAttachmentMb = typeof maxAttachment === 'string' ? wholeMegabytes(maxAttachment) : undefined;
  if (typeof maxAttachment === 'string' && maxAttachmentMb === undefined) {
    return fail({ key: 'cli.usage.badMaxAttachment', params: { value: maxAttachment, ...MAX_ATTACHMENT_MB_RANGE } });
  }
  if (messages.length === 0) return fail({ key: 'cli.usage.noMessages' });
  const policyFile = options.get('policy');
  const historyFile = options.get('history');
  return {
    kind: 'check',
    locale,
    format: format as OutputFormat,
    messages,
    ...(typeof policyFile === 'string' ? { policyFile } : {}),
    ...(maxAttachmentMb === undefined ? {} : { maxAttachmentMb }),
    ...(typeof historyFile === 'string' ? { historyFile } : {}),
  };
}

function wholeMegabytes(value: string): number | undefined {
  if (!/^[0-9]+$/.test(value)) return undefined;
  const megabytes = Number(value);
  return megabytes >= MAX_ATTACHMENT_MB_RANGE.min && megabytes <= MAX_ATTACHMENT_MB_RANGE.max ? megabytes : undefined;
}

function policyCommand(
  options: Scanned['options'],
  rest: readonly string[],
  locale: Locale,
  fail: (error: UsageError) => Command,
): Command {
  const [subcommand, ...operands] = rest;
  if (subcommand !== 'check' && subcommand !== 'import') {
    return fail({ key: 'cli.usage.unknownPolicyCommand', params: { command: subcommand ?? '' } });
  }
  const allowed: readonly OptionName[] = subcommand === 'import' ? ['lang', 'help', 'from', 'out'] : ['lang', 'help'];
  const refused = [...options.keys()].find((name) => !allowed.includes(name));
  if (refused !== undefined) {
    return fail({ key: 'cli.usage.optionNotForCommand', params: { option: `--${refused}`, command: `policy ${subcommand}` } });
  }
  const [operand, ...extra] = operands;
  if (extra.length > 0) return fail({ key: 'cli.usage.extraArguments', params: { arguments: extra.join(' ') } });
  if (subcommand === 'check')
    return operand === undefined ? fail({ key: 'cli.usage.noPolicyFile' }) : { kind: 'policy-check', locale, file: operand };
  const from = options.get('from');
  if (typeof from !== 'string') return fail({ key: 'cli.usage.noImportSource' });
  if (!IMPORT_SOURCES.has(from)) return fail({ key: 'cli.usage.badImportSource', params: { value: from } });
  if (operand === undefined) return fail({ key: 'cli.usage.noImportFolder' });
  const out = options.get('out');
  return { kind: 'policy-import', locale, from: from as ImportSource, folder: operand, ...(typeof out === 'string' ? { out } : {}) };
}

/** parseArgs in token mode, so that every mistake becomes a value with a translatable key, never a thrown TypeError. */
function scan(args: readonly string[]): Scanned {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const options = new Map<OptionName, string | true>();
  const positionals: string[] = [];
  let error: UsageError | undefined;
  const report = (next: UsageError): void => {
    error ??= next;
  };
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const name = optionName(token.name);
    const option = token.rawName;
    if (name === undefined) {
      report({ key: 'cli.usage.unknownOption', params: { option } });
      continue;
    }
    if (options.has(name)) report({ key: 'cli.usage.repeatedOption', params: { option } });
    if (OPTIONS[name].type === 'boolean') {
      options.set(name, true);
      continue;
    }
    if (!isValue(token.value, token.inlineValue)) {
      report({ key: 'cli.usage.missingValue', params: { option } });
      continue;
    }
    options.set(name, token.value);
  }
  return error === undefined ? { options, positionals } : { options, positionals, error };
}

function optionName(name: string): OptionName | undefined {
  return Object.hasOwn(OPTIONS, name) ? (name as OptionName) : undefined;
}

/** `--policy --format json` would make `--format` the policy file; a value may start with `-` only as `--policy=-x`. */
function isValue(value: string | undefined, inline: boolean | undefined): value is string {
  if (value === undefined || value === '') return false;
  return inline === true || !value.startsWith('-') || value === '-';
}
