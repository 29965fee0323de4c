// Markup that could make a careless scanner quadratic (unclosed tags, comments, entities): the time to
// extract 4x the input against 1x, which stays near 4 while extraction is linear and nears 16 if not.
import { extractText } from '../inspect/index.js';
import { formatMs, median } from './statistics.js';

const PATHOLOGIES = [
  ['unclosed <script', '<script '],
  ['unclosed comments', '<!--'],
  ['tags without an end', '<a'],
  ['entity-like runs', '&#x'],
] as const;

export interface MarkupGrowth {
  readonly label: string;
  readonly baseMs: number;
  readonly fourTimesMs: number;
}

async function timeExtraction(text: string, runs: number): Promise<number> {
  const bytes = new TextEncoder().encode(text);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = await extractText('a.html', bytes);
    samples.push(performance.now() - started);
    if (result.bytesRead !== bytes.length) throw new Error(`extraction stopped at ${result.bytesRead} of ${bytes.length} bytes`);
  }
  return median(samples);
}

export async function benchMarkupGrowth(repeats = 100_000, runs = 3): Promise<MarkupGrowth[]> {
  const figures: MarkupGrowth[] = [];
  for (const [label, piece] of PATHOLOGIES) {
    await timeExtraction(piece.repeat(repeats), 1);
    figures.push({
      label,
      baseMs: await timeExtraction(piece.repeat(repeats), runs),
      fourTimesMs: await timeExtraction(piece.repeat(4 * repeats), runs),
    });
  }
  return figures;
}

export async function printMarkupGrowth(): Promise<void> {
  console.log('HTML extraction on pathological markup, 100,000 and 400,000 repeats, median of 3 (linear: about 4x)');
  for (const figure of await benchMarkupGrowth()) {
    console.log(
      `  ${figure.label.padEnd(22)} ${formatMs(figure.baseMs).padEnd(10)} ${formatMs(figure.fourTimesMs).padEnd(10)} ${(figure.fourTimesMs / figure.baseMs).toFixed(1)}x`,
    );
  }
}
