/** One CSV record and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * RFC 4180 records as OutlookOkan writes them with CsvHelper (no header row, `"` quoting with `""` inside,
 * line breaks inside quotes). Empty lines are skipped. A quote left open runs to the end of the file, as
 * CsvHelper reads it.
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAnything = false;
  const endRecord = (): void => {
    fields.push(field);
    if (sawAnything) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    sawAnything = false;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
      continue;
    }
    sawAnything = true;
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  endRecord();
  return records;
}

/** CsvHelper's booleans with OutlookOkan's extra words (its Types/*.cs maps): true, yes, y; false, no, n; any case. */
export function csvBoolean(text: string | undefined, fallback: boolean): boolean | undefined {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'y', '1'].includes(value)) return true;
  if (['false', 'no', 'n', '0'].includes(value)) return false;
  return undefined;
}
