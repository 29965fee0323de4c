import { hiddenCharacterProblem } from '../api-hygiene/file-name-characters.js';

/** 255 UTF-8 bytes: what Windows, macOS and Linux file systems all accept as one name. */
export const MAX_NAME_BYTES = 255;

/**
 * Why a name cannot be an entry, or null. Entries are flat files: a separator or `..` would let an
 * archive write outside the folder the recipient extracts to.
 */
export function entryNameProblem(name: string): string | null {
  if (name.trim() === '') return 'is empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes in UTF-8`;
  if (/[/\\]/.test(name)) return 'contains a path separator (/ or \\)';
  const hidden = hiddenCharacterProblem(name);
  if (hidden !== null) return hidden;
  if (name === '.' || name === '..') return 'is not a file name';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)) return 'contains an unpaired surrogate';
  return null;
}

/**
 * The names made unique the way Windows Explorer does it ("見積書 (2).xlsx"), compared without case
 * because Windows and macOS extract case-insensitively; the first of each keeps its name.
 */
export function uniqueEntryNames(names: readonly string[]): string[] {
  const taken = new Set<string>(names.map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      return name;
    }
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const suffix = dot > 0 ? name.slice(dot) : '';
    for (let copy = 2; ; copy += 1) {
      const candidate = `${stem} (${copy})${suffix}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        seen.add(candidate.toLowerCase());
        return candidate;
      }
    }
  });
}
