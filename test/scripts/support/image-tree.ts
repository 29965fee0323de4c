// The runtime stage's file system, made without Docker: each COPY of the last stage is carried out
// against this checkout (after `npm run build`, which is what the build stage runs) so the test can
// start the image's CMD and HEALTHCHECK on it. node_modules from an `npm ci --omit=dev` stage becomes
// links to the production packages only, as package-lock.json marks them (no "dev": true).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { all, last, parseCopy, type Stage } from './dockerfile.js';

export interface CopyStep {
  readonly line: number;
  /** What the step copies from: a path in this checkout, or the production node_modules. */
  readonly source: { readonly kind: 'path'; readonly path: string } | { readonly kind: 'production-node-modules' };
  /** Where it lands, relative to the runtime stage's WORKDIR. */
  readonly target: string;
}

function workdir(stage: Stage): string {
  return last(stage, 'WORKDIR')?.text ?? '/';
}

function omitsDev(stage: Stage): boolean {
  return all(stage, 'RUN').some((run) => /\bnpm ci\b[^&;]*--omit=dev/.test(run.text));
}

/** The runtime stage's COPY steps, mapped onto this checkout. */
export function copySteps(stages: readonly Stage[], repo: string): CopyStep[] {
  const runtime = stages.at(-1);
  if (runtime === undefined) throw new Error('the Dockerfile has no stage');
  const home = workdir(runtime);
  return all(runtime, 'COPY').flatMap((instruction) => {
    const copy = parseCopy(instruction);
    const into = posix.resolve(home, copy.destination);
    if (into !== home && !into.startsWith(`${home}/`)) throw new Error(`line ${instruction.line}: COPY outside WORKDIR ${home}: ${into}`);
    const intoFolder = copy.destination.endsWith('/') || into === home;
    return copy.sources.map((source): CopyStep => {
      const target = posix.relative(home, intoFolder ? posix.join(into, posix.basename(source)) : into);
      if (copy.from === undefined) return { line: instruction.line, source: { kind: 'path', path: resolve(repo, source) }, target };
      const stage = stages.find((candidate) => candidate.name === copy.from);
      if (stage === undefined) throw new Error(`line ${instruction.line}: no stage named ${copy.from}`);
      const inStage = posix.relative(workdir(stage), posix.resolve(workdir(stage), source));
      if (inStage.startsWith('..')) throw new Error(`line ${instruction.line}: ${source} is outside stage ${stage.name}'s WORKDIR`);
      if (inStage === 'node_modules' && omitsDev(stage))
        return { line: instruction.line, source: { kind: 'production-node-modules' }, target };
      return { line: instruction.line, source: { kind: 'path', path: resolve(repo, inStage) }, target };
    });
  });
}

/** node_modules with the packages `npm ci --omit=dev` installs at its top level, linked from this checkout's. */
function productionNodeModules(repo: string, target: string): void {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key)?.[1];
    if (name === undefined || entry.dev === true || !existsSync(join(repo, key))) continue;
    mkdirSync(dirname(join(target, name)), { recursive: true });
    symlinkSync(join(repo, key), join(target, name), 'dir');
  }
}

export interface ImageTree {
  /** The runtime stage's WORKDIR. */
  readonly root: string;
  remove(): void;
}

export function assembleRuntime(steps: readonly CopyStep[], repo: string): ImageTree {
  const base = mkdtempSync(join(tmpdir(), 'preflight-image-'));
  const root = join(base, 'app');
  mkdirSync(root);
  for (const step of steps) {
    const target = join(root, step.target);
    mkdirSync(dirname(target), { recursive: true });
    if (step.source.kind === 'production-node-modules') productionNodeModules(repo, target);
    else cpSync(step.source.path, target, { recursive: true });
  }
  return { root, remove: () => rmSync(base, { recursive: true, force: true }) };
}
