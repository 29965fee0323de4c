// The map from normalised text back to its source (normalize.ts). Most of a text is copied unchanged, so
// only the segments that NFKC changed are recorded; every other unit maps to the unit it was copied from.

export class SegmentMap {
  /** Per recorded segment: where its output starts and ends in the normalised text, and its source span. */
  private outputStarts: number[] = [];
  private outputEnds: number[] = [];
  private sourceStarts: number[] = [];
  private sourceEnds: number[] = [];

  constructor(
    /** Length of the normalised text. */
    readonly length: number,
    readonly sourceLength: number,
  ) {}

  /** Called in text order, for each segment whose output is not a copy of its source. */
  record(outputStart: number, outputEnd: number, sourceStart: number, sourceEnd: number): void {
    this.outputStarts.push(outputStart);
    this.outputEnds.push(outputEnd);
    this.sourceStarts.push(sourceStart);
    this.sourceEnds.push(sourceEnd);
  }

  /** The last recorded segment starting at or before `index`, or -1. */
  private segmentAt(index: number): number {
    let low = 0;
    let high = this.outputStarts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.outputStarts[middle] ?? 0) <= index) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** Source span of the unit at `index` (0 ≤ index < length): its whole segment, or the unit it was copied from. */
  unitSource(index: number): { start: number; end: number } {
    const segment = this.segmentAt(index);
    if (segment < 0) return { start: index, end: index + 1 };
    const outputEnd = this.outputEnds[segment] ?? 0;
    if (index < outputEnd) return { start: this.sourceStarts[segment] ?? 0, end: this.sourceEnds[segment] ?? 0 };
    const start = (this.sourceEnds[segment] ?? 0) + index - outputEnd;
    return { start, end: start + 1 };
  }

  /** Where the source of `index` starts; `length` maps to the source's length. */
  startOf(index: number): number {
    return index >= this.length ? this.sourceLength : this.unitSource(index).start;
  }
}
