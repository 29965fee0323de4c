// The runtime's TextDecoder where it has one (https://encoding.spec.whatwg.org/#interface-textdecoder):
// classic Outlook's handler runtime has none, and a runtime need not know every label.

export interface TextDecoderLike {
  decode(input?: ArrayBufferView, options?: { stream?: boolean }): string;
}

type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

/** A decoder for `label`, or null where the runtime has no TextDecoder or does not know the label. */
export function ambientTextDecoder(label: string, options: { fatal?: boolean; ignoreBOM?: boolean } = {}): TextDecoderLike | null {
  const constructor = (globalThis as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (constructor === undefined) return null;
  try {
    return new constructor(label, options);
  } catch {
    // RangeError: this runtime does not know the label.
    return null;
  }
}
