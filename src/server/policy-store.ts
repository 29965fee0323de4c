import { relative } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { PolicyProblem } from '../policy/index.js';
import { describeProblems, publishPolicy, readPublishedFile, sha256Hex, type PublishedPolicy } from './policy-file.js';
import type { NewPolicyVersion, PolicyVersionAuthor, PolicyVersionRecord, PolicyVersionStore } from './storage/policy-version-store.js';
import { StartupError } from './startup-error.js';

export type ReloadOutcome =
  { readonly status: 'updated' | 'unchanged' } | { readonly status: 'rejected'; readonly problems: readonly PolicyProblem[] };

/** The policy file on disk as the server last read it (not necessarily the active policy). */
export interface PolicyFileStatus {
  readonly status: 'ok' | 'rejected' | 'missing';
  readonly problems: readonly PolicyProblem[];
}

export type ChangeOutcome =
  | { readonly status: 'created'; readonly version: PolicyVersionRecord }
  | { readonly status: 'invalid'; readonly problems: readonly PolicyProblem[] }
  | { readonly status: 'unchanged' | 'conflict'; readonly active: PolicyVersionRecord }
  | { readonly status: 'not-found' };

export interface AdminSave {
  readonly document: unknown;
  readonly reason: string;
  readonly by: PolicyVersionAuthor;
  /** The version the administrator edited; another active version means someone saved in between. */
  readonly baseVersion?: number;
}

export interface AdminRollback {
  readonly version: number;
  readonly reason: string;
  readonly by: PolicyVersionAuthor;
}

interface ActivePolicy {
  readonly version: PolicyVersionRecord;
  readonly published: PublishedPolicy;
}

type Origin = Pick<NewPolicyVersion, 'reason' | 'source' | 'createdBy' | 'restoredFrom'>;
type Listener = (published: PublishedPolicy) => void;

const FILE_OK: PolicyFileStatus = { status: 'ok', problems: [] };

export function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}

/** Refuses with every problem and its JSON path: a server must not start with a policy nobody meant. */
export async function loadStartupPolicy(file: string): Promise<{ readonly published: PublishedPolicy; readonly sha256: string }> {
  const read = await readPublishedFile(file);
  if (read.ok) return read;
  const { problems } = read;
  const name = displayPath(file);
  throw new StartupError(
    'bad-policy',
    `${name} is not a valid policy (${problems.length} problem${problems.length === 1 ? '' : 's'}); fix it and start again.`,
    describeProblems(name, problems),
  );
}

function newVersion(published: PublishedPolicy, origin: Origin, createdAt: number): NewPolicyVersion {
  return { documentJson: published.json, sha256: sha256Hex(published.json), createdAt, ...origin };
}

/** The problems that make the current parser refuse a stored version, one line each, as logs and startup errors list them. */
function storedProblems(version: PolicyVersionRecord, problems: readonly PolicyProblem[]): string[] {
  return describeProblems(`version ${version.version}`, problems);
}

/**
 * At start, a stored active version the current parser refuses (saved by an older release) must not keep the
 * server down, as the admin API is down with it: the policy file, which the administrator can always edit,
 * replaces it (docs/admin.md, "Policy versions"). Stops only when the file is bad too.
 */
async function replaceRefusedVersion(
  file: string,
  versions: PolicyVersionStore,
  log: FastifyBaseLogger,
  now: () => number,
  refused: PolicyVersionRecord,
  problems: readonly PolicyProblem[],
): Promise<{ readonly version: PolicyVersionRecord; readonly published: PublishedPolicy; readonly sha256: string } | null> {
  const name = displayPath(file);
  const read = await readPublishedFile(file);
  if (!read.ok) {
    const fileProblems = read.problems;
    throw new StartupError(
      'bad-policy',
      `Stored policy version ${refused.version} is not a valid policy any more, and ${name} is not a valid policy either ` +
        `(${fileProblems.length} problem${fileProblems.length === 1 ? '' : 's'}); fix ${name} and start again.`,
      [...storedProblems(refused, problems), ...describeProblems(name, fileProblems)],
    );
  }
  log.error(
    { version: refused.version, problems: storedProblems(refused, problems), policyFile: name },
    `Stored policy version ${refused.version} is not a valid policy any more; serving ${name} as a new version`,
  );
  const origin: Origin = {
    reason: `stored version ${refused.version} is not valid any more; ${name} taken`,
    source: 'file',
    createdBy: null,
    restoredFrom: null,
  };
  const added = await versions.appendPolicyVersion(newVersion(read.published, origin, now()), refused.version);
  // Another instance added a version first; the caller starts again from the newest.
  return added === null ? null : { version: added, published: read.published, sha256: read.sha256 };
}

/**
 * The active policy: the newest stored version (docs/admin.md, "Policy versions"). A changed policy file
 * that parses and an administrator's save or rollback each add a version, so whichever came last wins;
 * a bad file never replaces the active policy. Changes run one after another.
 */
export class PolicyStore {
  private active: ActivePolicy;
  /**
   * The newest stored version this instance has seen: the active one, or a newer one it refused (stored by
   * another instance's release). Changes are added after it, so a valid edit can still replace a refused version.
   */
  private newestSeen: number;
  private fileStatus: PolicyFileStatus = FILE_OK;
  private readonly listeners: Listener[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    readonly versions: PolicyVersionStore,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number,
    initial: ActivePolicy,
  ) {
    this.active = initial;
    this.newestSeen = initial.version.version;
  }

  /**
   * Seeds version 1 from the file on first start (refusing a bad file then), else takes a changed file; a
   * stored active version the current parser refuses is replaced by the file.
   */
  static async open(
    file: string,
    versions: PolicyVersionStore,
    log: FastifyBaseLogger,
    now: () => number = Date.now,
  ): Promise<PolicyStore> {
    // Each pass either serves a version or adds one; another pass only follows a version another instance added.
    for (;;) {
      const stored = await versions.activePolicyVersion();
      if (stored === null) {
        const seeded = await PolicyStore.seed(file, versions, log, now);
        if (seeded !== null) return seeded;
        // Another instance sharing the database seeded it first, from the same file: serve what it stored.
        if ((await versions.activePolicyVersion()) === null)
          throw new Error('The policy versions were seeded and are gone again; start again');
        continue;
      }
      const result = publishPolicy(stored.documentJson);
      if (result.ok) {
        const store = new PolicyStore(file, versions, log, now, { version: stored, published: result.published });
        await store.reload();
        return store;
      }
      const replaced = await replaceRefusedVersion(file, versions, log, now, stored, result.problems);
      if (replaced === null) continue;
      await versions.rememberPolicyFile(replaced.sha256, now());
      return new PolicyStore(file, versions, log, now, { version: replaced.version, published: replaced.published });
    }
  }

  /** Version 1 from the file, or null when another instance sharing the database seeded it first. */
  private static async seed(
    file: string,
    versions: PolicyVersionStore,
    log: FastifyBaseLogger,
    now: () => number,
  ): Promise<PolicyStore | null> {
    const { published, sha256 } = await loadStartupPolicy(file);
    const origin: Origin = { reason: `${displayPath(file)} on first start`, source: 'file', createdBy: null, restoredFrom: null };
    const seeded = await versions.appendPolicyVersion(newVersion(published, origin, now()), null);
    if (seeded === null) return null;
    await versions.rememberPolicyFile(sha256, now());
    return new PolicyStore(file, versions, log, now, { version: seeded, published });
  }

  get current(): PublishedPolicy {
    return this.active.published;
  }

  get activeVersion(): PolicyVersionRecord {
    return this.active.version;
  }

  get fileState(): PolicyFileStatus {
    return this.fileStatus;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Reads the policy file; a burst of file events ends on the file's last state. */
  reload(): Promise<ReloadOutcome> {
    return this.serialize(() => this.takeFile());
  }

  /** Takes a version another instance sharing the database added; true when the active policy changed. */
  refresh(): Promise<boolean> {
    return this.serialize(() => this.takeNewest());
  }

  save(request: AdminSave): Promise<ChangeOutcome> {
    return this.serialize(async () => {
      await this.takeNewest();
      const result = publishPolicy(JSON.stringify(request.document));
      if (!result.ok) return { status: 'invalid', problems: result.problems };
      if (request.baseVersion !== undefined && request.baseVersion !== this.active.version.version) {
        return { status: 'conflict', active: this.active.version };
      }
      return this.change(result.published, { reason: request.reason, source: 'admin', createdBy: request.by, restoredFrom: null });
    });
  }

  rollback(request: AdminRollback): Promise<ChangeOutcome> {
    return this.serialize(async () => {
      await this.takeNewest();
      const target = await this.versions.policyVersion(request.version);
      if (target === null) return { status: 'not-found' };
      const result = publishPolicy(target.documentJson);
      if (!result.ok) return { status: 'invalid', problems: result.problems };
      return this.change(result.published, {
        reason: request.reason,
        source: 'rollback',
        createdBy: request.by,
        restoredFrom: target.version,
      });
    });
  }

  private serialize<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async takeNewest(): Promise<boolean> {
    const newest = await this.versions.activePolicyVersion();
    if (newest === null || newest.version === this.newestSeen) return false;
    return this.takeStored(newest);
  }

  /**
   * Serves a version another instance stored; one this parser refuses must not fail the change or reload that
   * found it, so the current policy stays and the log names the version and why.
   */
  private takeStored(version: PolicyVersionRecord): boolean {
    const result = publishPolicy(version.documentJson);
    if (result.ok) {
      this.activate({ version, published: result.published });
      return true;
    }
    this.newestSeen = version.version;
    this.log.error(
      { version: version.version, problems: storedProblems(version, result.problems) },
      `Stored policy version ${version.version} is not a valid policy for this server; still serving version ${this.active.version.version}`,
    );
    return false;
  }

  private async takeFile(): Promise<ReloadOutcome> {
    const name = displayPath(this.file);
    const read = await readPublishedFile(this.file);
    if (!read.ok) {
      const { problems } = read;
      this.fileStatus = { status: read.missing ? 'missing' : 'rejected', problems };
      this.log.error(
        { policyFile: name, problems: describeProblems(name, problems) },
        `Policy edit rejected: ${name} has ${problems.length} problem(s); still serving the last good policy (version ${this.active.version.version})`,
      );
      return { status: 'rejected', problems };
    }
    this.fileStatus = FILE_OK;
    if (read.sha256 === (await this.versions.takenPolicyFile())) return { status: 'unchanged' };
    // As save and rollback do: a version another instance added since the last refresh would make the
    // append conflict, and the edit would be dropped though it came last (docs/admin.md).
    await this.takeNewest();
    let outcome: ChangeOutcome | null = null;
    if (read.published.json !== this.active.published.json) {
      outcome = await this.change(read.published, { reason: `${name} changed`, source: 'file', createdBy: null, restoredFrom: null });
      // Another process added a version first: the file is taken again on its next change or start.
      if (outcome.status !== 'created') return { status: 'unchanged' };
    }
    await this.versions.rememberPolicyFile(read.sha256, this.now());
    return { status: outcome === null ? 'unchanged' : 'updated' };
  }

  private async change(published: PublishedPolicy, origin: Origin): Promise<ChangeOutcome> {
    if (published.json === this.active.published.json) return { status: 'unchanged', active: this.active.version };
    const added = await this.versions.appendPolicyVersion(newVersion(published, origin, this.now()), this.newestSeen);
    if (added === null) {
      const newest = await this.versions.activePolicyVersion();
      if (newest !== null && newest.version !== this.newestSeen) this.takeStored(newest);
      return { status: 'conflict', active: this.active.version };
    }
    this.activate({ version: added, published });
    return { status: 'created', version: added };
  }

  private activate(next: ActivePolicy): void {
    this.active = next;
    this.newestSeen = next.version.version;
    for (const listener of this.listeners) listener(next.published);
    const { version, source, createdBy } = next.version;
    const fields = { policyFile: displayPath(this.file), etag: next.published.etag, version, source, by: createdBy?.id ?? null };
    this.log.info(fields, source === 'file' ? 'Policy reloaded' : 'Policy version activated');
  }
}
