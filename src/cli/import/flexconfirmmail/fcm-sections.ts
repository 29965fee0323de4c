import type { NumberedLine } from '../settings-text.js';
import { note, type ImportNote } from '../import-note.js';

export const WARNING_TYPES = ['WARNING', 'BLOCK', 'REWARNING'] as const;
export type WarningType = (typeof WARNING_TYPES)[number];

const HEADER = /^\[(.*)\]$/;

/**
 * UnsafeDomains.txt and UnsafeFiles.txt: lines under `[WARNING]` (the default), `[BLOCK]` or `[REWARNING]`. As in
 * FlexConfirmMail (src/web/config-loader.mjs), a header it does not know leaves the lines in the section before.
 */
export function readSections(file: string, lines: readonly NumberedLine[], notes: ImportNote[]): Map<WarningType, NumberedLine[]> {
  const sections = new Map<WarningType, NumberedLine[]>(WARNING_TYPES.map((type) => [type, []]));
  let section: WarningType = 'WARNING';
  for (const line of lines) {
    const text = line.text.trim();
    const header = HEADER.exec(text);
    if (header === null) {
      sections.get(section)?.push(line);
      continue;
    }
    const name = (header[1] ?? '').toUpperCase();
    if ((WARNING_TYPES as readonly string[]).includes(name)) section = name as WarningType;
    else notes.push(note(file, line.number, text, 'unknown-section'));
  }
  return sections;
}
