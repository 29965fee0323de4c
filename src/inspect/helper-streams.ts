// A large text split between the inspecting thread and a detection helper (detection-helper.ts), so that
// both threads finish at about the same time (docs/inspection.md, "Detection beside extraction"): every
// piece goes to the helper as extraction yields it (a sheet's) or once extraction is done (any other
// text), and then the helper hands back about half of what it has not begun, which this thread detects
// while the helper detects the rest.
import { detectAll, type DetectOptions } from './detect-all.js';
import { HANDOVER_UNITS, type DetectionHelper, type HelperStream } from './detection-helper.js';
import type { TextStream } from './extract/types.js';
import { TallyBuilder, type PartTally } from './part-tally.js';
import { matchesFrom } from './piece-detection.js';
import type { ExtractedAttachment, ExtractedPart, MatchedPart } from './summarize.js';

class StreamedText {
  readonly pieces: string[] = [];
  private readonly helper: HelperStream;

  constructor(
    helper: DetectionHelper,
    private readonly options: DetectOptions,
    private readonly maxSamples: number,
  ) {
    const { kinds } = options;
    this.helper = helper.open(kinds === undefined ? { maxSamples } : { kinds, maxSamples });
  }

  write(piece: string): void {
    this.pieces.push(piece);
    this.helper.write(piece);
  }

  /** What the text holds; kept here when the helper fails, so a lost thread costs time, never a finding. */
  async findings(): Promise<MatchedPart> {
    try {
      return { where: '', tally: await this.split() };
    } catch {
      return { where: '', matches: detectAll(this.pieces.join(''), this.options) };
    }
  }

  private async split(): Promise<PartTally> {
    const ended = this.helper.end(true);
    // Awaited below, unless the handover fails first: then its rejection must not go unhandled.
    ended.result.catch(() => {});
    const until = await ended.handover;
    let index = 0;
    let offset = 0;
    while (index < this.pieces.length && offset < until) offset += (this.pieces[index++] ?? '').length;
    if (offset !== until) throw new Error(`the helper handed over at ${until}, inside a piece`);
    if (index >= this.pieces.length) return (await ended.result).tally;
    let behind = '';
    for (let at = index - 1; at >= 0 && behind.length < HANDOVER_UNITS; at -= 1) behind = (this.pieces[at] ?? '') + behind;
    behind = behind.slice(-HANDOVER_UNITS);
    const viewStart = until - behind.length;
    const view = behind + this.pieces.slice(index).join('');
    // Detected while the helper works through its share; filtered once it says where it stopped.
    const detected = detectAll(view, this.options);
    const { tally, settled } = await ended.result;
    const rest =
      matchesFrom(detected, view, viewStart, settled) ??
      detectAll(this.pieces.join(''), this.options).filter((match) => match.start >= settled);
    const builder = new TallyBuilder(this.maxSamples);
    builder.merge(tally);
    for (const match of rest) builder.add(match);
    return builder.result();
  }
}

/** Units of a whole text posted at a time: about what a sheet's piece holds (sheet-bytes.ts). */
export const WHOLE_TEXT_PIECE_UNITS = 1024 * 1024;

export interface HelperStreams {
  /** A stream for extraction's textStream, or null to keep the text whole. */
  open(expectedBytes: number): TextStream | null;
  /**
   * The extraction with each large text it kept whole (a CSV, a document, a PDF's pages) streamed as a
   * sheet is, so the helper detects half of it too; its findings come with the sheets'.
   */
  handOver<Extraction extends ExtractedAttachment>(extraction: Extraction): Extraction;
  /** Every stream's findings by id; a stream extraction gave up on (a limit mid-sheet) is ended all the same. */
  findings(): Promise<Map<number, MatchedPart>>;
}

export function helperStreams(helper: DetectionHelper, options: DetectOptions, maxSamples: number, fromBytes: number): HelperStreams {
  const streams = new Map<number, StreamedText>();
  const open = (expectedBytes: number): TextStream | null => {
    if (expectedBytes < fromBytes) return null;
    const id = streams.size + 1;
    const streamed = new StreamedText(helper, options, maxSamples);
    streams.set(id, streamed);
    return { id, write: (piece) => streamed.write(piece) };
  };
  return {
    open,
    handOver(extraction) {
      if (extraction.status === 'encrypted') return extraction;
      const parts = extraction.parts.map((part): ExtractedPart => {
        // A string's units stand for its UTF-8 bytes here: the cost of posting and detecting goes by units.
        const stream = part.streamed === undefined ? open(part.text.length) : null;
        if (stream === null) return part;
        for (let start = 0; start < part.text.length; start += WHOLE_TEXT_PIECE_UNITS) {
          stream.write(part.text.slice(start, start + WHOLE_TEXT_PIECE_UNITS));
        }
        return { where: part.where, text: '', streamed: stream.id };
      });
      return { ...extraction, parts };
    },
    async findings() {
      const found = new Map<number, MatchedPart>();
      for (const [id, streamed] of streams) found.set(id, await streamed.findings());
      return found;
    },
  };
}
