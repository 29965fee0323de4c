// `preflight policy import --from PRODUCT DIR`: the folder's settings files in, a policy document out (docs/migrate.md).
import { join } from 'node:path';
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/translate.js';
import type { ImportSource } from './arguments.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { FLEXCONFIRMMAIL_FILES, importFlexConfirmMail } from './import/flexconfirmmail/flexconfirmmail-import.js';
import type { ImportNote, ImportResult, SettingsFiles } from './import/import-note.js';
import { OUTLOOKOKAN_FILES, importOutlookOkan } from './import/outlookokan/outlookokan-import.js';
import { decodeSettingsText } from './import/settings-text.js';
import { readInput, type CliIo, type DirectoryEntry } from './io.js';

interface Product {
  readonly name: string;
  readonly files: readonly string[];
  /** Files with this ending that the product does not read are reported. */
  readonly extension: string;
  readonly translate: (files: SettingsFiles, others: readonly string[]) => ImportResult;
}

const PRODUCTS: Readonly<Record<ImportSource, Product>> = {
  flexconfirmmail: { name: 'FlexConfirmMail', files: FLEXCONFIRMMAIL_FILES, extension: '.txt', translate: importFlexConfirmMail },
  outlookokan: { name: 'OutlookOkan', files: OUTLOOKOKAN_FILES, extension: '.csv', translate: importOutlookOkan },
};

export interface ImportCommand {
  readonly locale: Locale;
  readonly from: ImportSource;
  readonly folder: string;
  readonly out?: string;
}

/** The product's file each entry is, by name without regard to case, as Windows finds them. */
function matchFiles(product: Product, entries: readonly DirectoryEntry[]): { known: Map<string, string>; others: string[] } {
  const byLowerName = new Map(product.files.map((file) => [file.toLowerCase(), file]));
  const known = new Map<string, string>();
  const others: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory) continue;
    const file = byLowerName.get(entry.name.toLowerCase());
    if (file !== undefined) known.set(file, entry.name);
    else if (entry.name.toLowerCase().endsWith(product.extension)) others.push(entry.name);
  }
  return { known, others: others.sort() };
}

async function listFolder(io: CliIo, folder: string, locale: Locale): Promise<readonly DirectoryEntry[] | string> {
  if (!(await io.isDirectory(folder))) return translate(locale, 'cli.import.notFolder', { folder });
  try {
    return await io.listDirectory(folder);
  } catch (error) {
    return translate(locale, 'cli.import.unreadableFolder', { folder, detail: String(error) });
  }
}

/** Every file is read before anything is translated, so a policy is never written from part of a folder. */
async function readFiles(io: CliIo, folder: string, known: ReadonlyMap<string, string>, locale: Locale) {
  const files = new Map<string, string>();
  const errors: string[] = [];
  for (const [file, name] of [...known].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bytes = await readInput(io, join(folder, name));
    const text = bytes.ok ? decodeSettingsText(bytes.value) : null;
    if (text !== null) {
      files.set(file, text);
      continue;
    }
    const message = bytes.ok
      ? translate(locale, 'cli.import.notText')
      : translate(locale, bytes.problems[0]?.message.key ?? 'cli.input.readFailed', bytes.problems[0]?.message.params);
    errors.push(translate(locale, 'cli.import.unreadableFile', { file: join(folder, name), message }));
  }
  return { files, errors };
}

export function formatImportNotes(notes: readonly ImportNote[], locale: Locale): string {
  if (notes.length === 0) return translate(locale, 'cli.import.allCarried') + '\n';
  const lines = notes.map((item) => {
    const where = item.line === undefined ? item.file : `${item.file}:${item.line}`;
    const reason = translate(locale, `cli.import.reason.${item.reason}`, item.params);
    // A CSV field may hold line breaks; the list keeps one line per setting.
    const setting = item.setting.replace(/\s*[\r\n]+\s*/g, ' ');
    if (setting === '') return translate(locale, 'cli.import.noteFile', { where, reason });
    return translate(locale, 'cli.import.noteLine', { where, setting, reason });
  });
  return [translate(locale, 'cli.import.notesHeader', { count: notes.length }), ...lines].join('\n') + '\n';
}

export async function runPolicyImport(command: ImportCommand, io: CliIo): Promise<ExitCode> {
  const { locale, folder } = command;
  const product = PRODUCTS[command.from];
  const entries = await listFolder(io, folder, locale);
  if (typeof entries === 'string') {
    io.writeError(entries + '\n');
    return EXIT_CODES.unreadableInput;
  }
  const { known, others } = matchFiles(product, entries);
  if (known.size === 0) {
    io.writeError(translate(locale, 'cli.import.noFiles', { folder, product: product.name, expected: product.files.join(', ') }) + '\n');
    return EXIT_CODES.unreadableInput;
  }
  const { files, errors } = await readFiles(io, folder, known, locale);
  if (errors.length > 0) {
    io.writeError(errors.join('\n') + '\n');
    return EXIT_CODES.unreadableInput;
  }
  const result = product.translate(files, others);
  const json = JSON.stringify(result.document, null, 2) + '\n';
  io.writeError(translate(locale, 'cli.import.read', { folder, files: [...known.values()].sort().join(', ') }) + '\n');
  if (command.out === undefined) io.writeOut(json);
  else {
    try {
      await io.writeFile(command.out, json);
    } catch (error) {
      io.writeError(translate(locale, 'cli.import.cannotWrite', { file: command.out, detail: String(error) }) + '\n');
      return EXIT_CODES.cannotWrite;
    }
    io.writeError(translate(locale, 'cli.import.wrote', { file: command.out }) + '\n');
  }
  io.writeError(formatImportNotes(result.notes, locale));
  return EXIT_CODES.allow;
}
