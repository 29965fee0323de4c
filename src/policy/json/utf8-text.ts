// Policy and input files are UTF-8. A decoder that replaces bad bytes would turn a Shift_JIS file (Notepad's
// "ANSI" on Japanese Windows) into a document with mojibake terms that still parses, so the CLI and the server
// both refuse such bytes here (docs/policy.md, "Problem codes": policy.not-utf8).

interface FatalDecoder {
  decode(input: Uint8Array): string;
}

type FatalDecoderConstructor = new (label: 'utf-8', options: { readonly fatal: true }) => FatalDecoder;

/**
 * The text of UTF-8 bytes without a leading byte-order mark, or null when they are not UTF-8. Needs the
 * runtime's TextDecoder (Node, browsers); the core is typed without one, as classic Outlook's runtime has none.
 */
export function strictUtf8Text(bytes: Uint8Array): string | null {
  const Decoder = (globalThis as unknown as { readonly TextDecoder: FatalDecoderConstructor }).TextDecoder;
  try {
    return new Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // TypeError: a byte sequence that is not UTF-8.
    return null;
  }
}
