// Detection over a text that arrives in pieces, as extraction reads a large sheet, with the tally that
// detectAll on the whole text would give (docs/inspection.md, "Detection beside extraction").
//
// Each detection runs on a view of the text received so far and settles the matches that start before
// a cut. The cut is a position no match spans, far enough from the view's end that nothing after the
// view could change what is found or kept before it: a match depends only on text a bounded number of
// segments around it (detection-windows.ts: the widest reach is an e-mail's, 330 segments after its `@`),
// and overlaps are resolved among matches that overlap each other, so a position no match spans splits
// the resolution in two. The next view starts far enough before the cut, at a segment start, to find
// the same matches there again; only those from the cut on are counted.
import { detectWithLastGap, type DetectOptions } from './detect-all.js';
import { segmentsBefore } from './detection-windows.js';
import type { Match } from './match.js';

/** Takes each settled match once, in text order; `offset` turns its view position into the whole text's. */
export interface MatchSink {
  add(match: Match, offset: number): void;
}

export interface PieceTuning {
  /** Segments kept on each side of a cut: well over any detector's reach plus the longest match. */
  readonly lookaround: number;
  /** Units received past the settled position before detection runs again. */
  readonly batch: number;
}

export const DEFAULT_PIECE_TUNING: PieceTuning = { lookaround: 2048, batch: 256 * 1024 };

export class PieceDetection<Sink extends MatchSink> {
  /** The text from `base` on, as received. */
  private text = '';
  private base = 0;
  /** Matches that start before this (in the whole text) are counted. */
  private settled = 0;
  /** Unsettled units that make the next detection worth running. */
  private due: number;
  private readonly kinds: DetectOptions['kinds'];

  constructor(
    options: DetectOptions,
    readonly sink: Sink,
    private readonly tuning: PieceTuning = DEFAULT_PIECE_TUNING,
  ) {
    // Terms and patterns are not local: a pattern budgets its steps by the whole text's length.
    if (options.custom !== undefined) throw new Error('PieceDetection takes no custom rules; detect such a text whole');
    this.kinds = options.kinds;
    this.due = tuning.batch;
  }

  /** Units received: the whole text's length so far. */
  get received(): number {
    return this.base + this.text.length;
  }

  /** Units of text held for the next detection: bounded by the batch and the lookaround, not the text. */
  get held(): number {
    return this.text.length;
  }

  push(piece: string): void {
    this.text += piece;
    if (this.text.length - (this.settled - this.base) >= this.due) this.settle(false);
  }

  /** Settles the rest of the text and returns the sink; push nothing after it. */
  finish(): Sink {
    this.settle(true);
    this.text = '';
    return this.sink;
  }

  /**
   * Settles matches that start before `until` (a whole-text position) at most, where another detection
   * takes over (matchesFrom), and returns the whole-text position it settled to; push nothing after it.
   * `lookahead`, the text after all pushed so far, should reach `lookaround` segments past `until`, or
   * fewer matches settle.
   */
  finishBefore(until: number, lookahead: string): number {
    this.text += lookahead;
    this.settle(false, until - this.base);
    this.text = '';
    return this.settled;
  }

  private settle(last: boolean, cap = Number.POSITIVE_INFINITY): void {
    const from = this.settled - this.base;
    const limit = last ? this.text.length : Math.min(cap, segmentsBefore(this.text, this.text.length, this.tuning.lookaround));
    const { matches, lastGap } = detectWithLastGap(this.text, this.kinds, limit);
    const until = last ? this.text.length : lastGap;
    if (until <= from) {
      // One run of overlapping matches still reaches past the limit: wait until the text has doubled, so
      // that a text which never offers a cut is detected a logarithmic number of times, not once a piece.
      this.due = Math.max(this.tuning.batch, 2 * (this.text.length - from));
      return;
    }
    for (const match of matches) if (match.start >= from && match.start < until) this.sink.add(match, this.base);
    this.settled = this.base + until;
    this.due = this.tuning.batch;
    if (last) return;
    const keep = segmentsBefore(this.text, until, this.tuning.lookaround);
    this.text = this.text.slice(keep);
    this.base += keep;
  }
}

/**
 * The matches of a text's tail from `settled` on, where PieceDetection.finishBefore stopped; `detected`
 * is detectAll's answer on `view`, the text from `viewStart` to its end. Null when fewer than
 * `lookaround` segments of the view lie before `settled`: the view may then have missed or misjudged
 * matches there, and the caller detects otherwise.
 */
export function matchesFrom(
  detected: readonly Match[],
  view: string,
  viewStart: number,
  settled: number,
  lookaround = DEFAULT_PIECE_TUNING.lookaround,
): Match[] | null {
  const from = settled - viewStart;
  if (from < 0 || from > view.length) return null;
  if (viewStart > 0 && segmentsBefore(view, from, lookaround) === 0) return null;
  return detected.filter((match) => match.start >= from);
}
