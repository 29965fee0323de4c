/** A settings file as text. */
export interface NumberedLine {
  /** 1-based, as an editor shows it. */
  readonly number: number;
  readonly text: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-8 (with or without a BOM), or UTF-16 with its BOM: what .NET's File.OpenText and StreamReader detect,
 * which is how FlexConfirmMail for classic Outlook and OutlookOkan read their files
 * (https://learn.microsoft.com/dotnet/api/system.io.file.opentext). Anything else, Shift_JIS included, those
 * products would read as broken text too, so it is refused rather than guessed: null.
 */
export function decodeSettingsText(bytes: Uint8Array): string | null {
  const [encoding, skip] = startsWith(bytes, UTF8_BOM)
    ? ['utf-8', 3]
    : startsWith(bytes, [0xff, 0xfe])
      ? ['utf-16le', 2]
      : startsWith(bytes, [0xfe, 0xff])
        ? ['utf-16be', 2]
        : ['utf-8', 0];
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return null;
  }
}

export function numberedLines(text: string): NumberedLine[] {
  return text.split(/\r\n|\n|\r/).map((line, index) => ({ number: index + 1, text: line }));
}
