// What the handler bundle's size costs where it is loaded: V8's compile of the whole script, which a
// runtime pays at each activation without a code cache (docs/benchmarks.md, "Handler bundle"). Classic
// Outlook's JavaScript-only runtime is not V8 and runs on slower machines, so this is an order of
// magnitude, not its figure.
import { Script } from 'node:vm';
import { median } from './statistics.js';

const RUNS = 30;

/** The median time to compile `source`, each run under a new name so that V8's compilation cache is not used. */
export function compileMedianMs(source: string): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    new Script(`${source}\n;${run}`, { filename: `launchevent-${run}.js` });
    samples.push(performance.now() - started);
  }
  return median(samples);
}
