// A large sheet's text split between the inspecting thread and a detection helper (detection-helper.ts),
// so that both threads finish at about the same time (docs/inspection.md, "Detection beside extraction").
// While extraction reads, the helper is kept a few pieces behind and the rest wait here; once extraction
// is done, the helper takes about half of what is left and this thread detects the other half.
import { detectAll, type DetectOptions } from './detect-all.js';
import type { DetectionHelper, HelperStream } from './detection-helper.js';
import type { TextStream } from './extract/types.js';
import { TallyBuilder, type PartTally } from './part-tally.js';
import { matchesFrom } from './piece-detection.js';
import type { MatchedPart } from './summarize.js';

/** Pieces posted and not yet detected: enough that the helper never waits, few enough to leave a share here. */
const IN_FLIGHT = 2;
/** Units either side of a handover: the view here starts this far before it, the helper reads this far past it. */
const HANDOVER_UNITS = 64 * 1024;

class StreamedText {
  readonly pieces: string[] = [];
  private sent = 0;
  private inFlight = 0;
  private ended = false;
  readonly helper: HelperStream;

  constructor(
    helper: DetectionHelper,
    private readonly options: DetectOptions,
    private readonly maxSamples: number,
  ) {
    const { kinds } = options;
    const taken = (): void => {
      this.inFlight -= 1;
      this.post();
    };
    this.helper = helper.open(kinds === undefined ? { maxSamples, taken } : { kinds, maxSamples, taken });
  }

  write(piece: string): void {
    this.pieces.push(piece);
    this.post();
  }

  private post(): void {
    while (!this.ended && this.inFlight < IN_FLIGHT && this.sent < this.pieces.length) {
      this.helper.write(this.pieces[this.sent] ?? '');
      this.sent += 1;
      this.inFlight += 1;
    }
  }

  /** What the text holds; kept here when the helper fails, so a lost thread costs time, never a finding. */
  async findings(): Promise<MatchedPart> {
    this.ended = true;
    try {
      return { where: '', tally: await this.split() };
    } catch {
      return { where: '', matches: detectAll(this.pieces.join(''), this.options) };
    }
  }

  private async split(): Promise<PartTally> {
    // Each thread takes about half of what is left: the pieces the helper holds count as its share.
    const mine = Math.floor((this.pieces.length - this.sent + this.inFlight) / 2);
    const handoverAt = this.pieces.length - mine;
    if (mine === 0 || handoverAt <= this.sent) {
      for (const piece of this.pieces.slice(this.sent)) this.helper.write(piece);
      return (await this.helper.end()).tally;
    }
    for (const piece of this.pieces.slice(this.sent, handoverAt)) this.helper.write(piece);
    const before = this.pieces.slice(0, handoverAt).join('');
    const tail = this.pieces.slice(handoverAt).join('');
    const answer = this.helper.end({ until: before.length, lookahead: tail.slice(0, HANDOVER_UNITS) });
    const viewStart = Math.max(0, before.length - HANDOVER_UNITS);
    const view = before.slice(viewStart) + tail;
    // Detected while the helper works through its share; filtered once it says where it stopped.
    const detected = detectAll(view, this.options);
    const { tally, settled } = await answer;
    const rest =
      matchesFrom(detected, view, viewStart, settled) ?? detectAll(before + tail, this.options).filter((match) => match.start >= settled);
    const builder = new TallyBuilder(this.maxSamples);
    builder.merge(tally);
    for (const match of rest) builder.add(match);
    return builder.result();
  }
}

export interface HelperStreams {
  /** A stream for extraction's textStream, or null to keep the text whole. */
  open(expectedBytes: number): TextStream | null;
  /** Every stream's findings by id; a stream extraction gave up on (a limit mid-sheet) is ended all the same. */
  findings(): Promise<Map<number, MatchedPart>>;
}

export function helperStreams(helper: DetectionHelper, options: DetectOptions, maxSamples: number, fromBytes: number): HelperStreams {
  const streams = new Map<number, StreamedText>();
  return {
    open(expectedBytes) {
      if (expectedBytes < fromBytes) return null;
      const id = streams.size + 1;
      const streamed = new StreamedText(helper, options, maxSamples);
      streams.set(id, streamed);
      return { id, write: (piece) => streamed.write(piece) };
    },
    async findings() {
      const found = new Map<number, MatchedPart>();
      for (const [id, streamed] of streams) found.set(id, await streamed.findings());
      return found;
    },
  };
}
