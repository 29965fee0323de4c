/** The 93 printable characters compressed text is written in. */
export declare const DIGITS: string;
/** Bytes as pairs of DIGITS, 13 bits each, as src/policy/lookalike/inflate.ts reads them. */
export declare function bitsAsDigits(bytes: Uint8Array): string;
/** Latin-1 text compressed with DEFLATE and written in DIGITS. */
export declare function deflatedText(text: string): string;
