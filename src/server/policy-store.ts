import { relative } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { PolicyProblem } from '../policy/index.js';
import { describeProblems, readPolicyFile, type PublishedPolicy } from './policy-file.js';
import { StartupError } from './startup-error.js';

export type ReloadOutcome =
  | { readonly status: 'updated' | 'unchanged' }
  | { readonly status: 'rejected'; readonly problems: readonly PolicyProblem[] };

type Listener = (published: PublishedPolicy) => void;

export function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}

/** Refuses with every problem and its JSON path: a server must not start with a policy nobody meant. */
export async function loadStartupPolicy(file: string): Promise<PublishedPolicy> {
  const result = await readPolicyFile(file);
  if (result.ok) return result.published;
  const name = displayPath(file);
  const count = result.problems.length;
  throw new StartupError(
    'bad-policy',
    `${name} is not a valid policy (${count} problem${count === 1 ? '' : 's'}); fix it and start again.`,
    describeProblems(name, result.problems),
  );
}

/**
 * The organisation's policy as last validated. A bad edit never replaces a good policy: users keep
 * getting the last good one while the admin reads the problems in the log.
 */
export class PolicyStore {
  private published: PublishedPolicy;
  private readonly listeners: Listener[] = [];
  private pending: Promise<ReloadOutcome> = Promise.resolve({ status: 'unchanged' });

  private constructor(
    readonly file: string,
    initial: PublishedPolicy,
    private readonly log: FastifyBaseLogger,
  ) {
    this.published = initial;
  }

  static async open(file: string, log: FastifyBaseLogger): Promise<PolicyStore> {
    return new PolicyStore(file, await loadStartupPolicy(file), log);
  }

  get current(): PublishedPolicy {
    return this.published;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Reloads run one after another, so a burst of file events ends on the file's last state. */
  reload(): Promise<ReloadOutcome> {
    const run = (): Promise<ReloadOutcome> => this.reloadNow();
    this.pending = this.pending.then(run, run);
    return this.pending;
  }

  private async reloadNow(): Promise<ReloadOutcome> {
    const result = await readPolicyFile(this.file);
    const name = displayPath(this.file);
    if (!result.ok) {
      this.log.error(
        { policyFile: name, problems: describeProblems(name, result.problems) },
        `Policy edit rejected: ${name} has ${result.problems.length} problem(s); still serving the last good policy`,
      );
      return { status: 'rejected', problems: result.problems };
    }
    if (result.published.etag === this.published.etag) return { status: 'unchanged' };
    this.published = result.published;
    for (const listener of this.listeners) listener(result.published);
    this.log.info({ policyFile: name, etag: result.published.etag }, 'Policy reloaded');
    return { status: 'updated' };
  }
}
