import { relative } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { PolicyProblem } from '../policy/index.js';
import { describeProblems, publishPolicy, readPolicySource, sha256Hex, type PublishedPolicy } from './policy-file.js';
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
  const source = await readPolicySource(file);
  const result = source.kind === 'read' ? publishPolicy(source.text) : { ok: false as const, problems: source.problems };
  if (result.ok && source.kind === 'read') return { published: result.published, sha256: source.sha256 };
  const problems = result.ok ? [] : result.problems;
  const name = displayPath(file);
  throw new StartupError(
    'bad-policy',
    `${name} is not a valid policy (${problems.length} problem${problems.length === 1 ? '' : 's'}); fix it and start again.`,
    describeProblems(name, problems),
  );
}

/** A stored version as served; a version the current parser no longer accepts is a fault to fix before serving. */
function publishStored(version: PolicyVersionRecord): PublishedPolicy {
  const result = publishPolicy(version.documentJson);
  if (result.ok) return result.published;
  throw new StartupError(
    'bad-policy',
    `Stored policy version ${version.version} is not a valid policy any more; save a valid one or roll back.`,
    describeProblems(`version ${version.version}`, result.problems),
  );
}

/**
 * The active policy: the newest stored version (docs/admin.md, "Policy versions"). A changed policy file
 * that parses and an administrator's save or rollback each add a version, so whichever came last wins;
 * a bad file never replaces the active policy. Changes run one after another.
 */
export class PolicyStore {
  private active: ActivePolicy;
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
  }

  /** Seeds version 1 from the file on first start (refusing a bad file then), else takes a changed file. */
  static async open(
    file: string,
    versions: PolicyVersionStore,
    log: FastifyBaseLogger,
    now: () => number = Date.now,
  ): Promise<PolicyStore> {
    const stored = await versions.activePolicyVersion();
    if (stored !== null) {
      const store = new PolicyStore(file, versions, log, now, { version: stored, published: publishStored(stored) });
      await store.reload();
      return store;
    }
    const { published, sha256 } = await loadStartupPolicy(file);
    const origin: Origin = { reason: `${displayPath(file)} on first start`, source: 'file', createdBy: null, restoredFrom: null };
    const seeded = await versions.appendPolicyVersion(
      { documentJson: published.json, sha256: sha256Hex(published.json), createdAt: now(), ...origin },
      null,
    );
    if (seeded === null) {
      // Another instance sharing the database seeded it first, from the same file: serve what it stored.
      const first = await versions.activePolicyVersion();
      if (first === null) throw new Error('The policy versions were seeded and are gone again; start again');
      return new PolicyStore(file, versions, log, now, { version: first, published: publishStored(first) });
    }
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
    if (newest === null || newest.version === this.active.version.version) return false;
    try {
      this.activate({ version: newest, published: publishStored(newest) });
      return true;
    } catch (error) {
      this.log.error({ err: error, version: newest.version }, 'A stored policy version is not valid; still serving the last good policy');
      return false;
    }
  }

  private async takeFile(): Promise<ReloadOutcome> {
    const name = displayPath(this.file);
    const source = await readPolicySource(this.file);
    const result = source.kind === 'read' ? publishPolicy(source.text) : { ok: false as const, problems: source.problems };
    if (!result.ok || source.kind !== 'read') {
      const problems = result.ok ? [] : result.problems;
      this.fileStatus = { status: source.kind === 'missing' ? 'missing' : 'rejected', problems };
      this.log.error(
        { policyFile: name, problems: describeProblems(name, problems) },
        `Policy edit rejected: ${name} has ${problems.length} problem(s); still serving the last good policy (version ${this.active.version.version})`,
      );
      return { status: 'rejected', problems };
    }
    this.fileStatus = FILE_OK;
    if (source.sha256 === (await this.versions.takenPolicyFile())) return { status: 'unchanged' };
    // As save and rollback do: a version another instance added since the last refresh would make the
    // append conflict, and the edit would be dropped though it came last (docs/admin.md).
    await this.takeNewest();
    let outcome: ChangeOutcome | null = null;
    if (result.published.json !== this.active.published.json) {
      outcome = await this.change(result.published, { reason: `${name} changed`, source: 'file', createdBy: null, restoredFrom: null });
      // Another process added a version first: the file is taken again on its next change or start.
      if (outcome.status !== 'created') return { status: 'unchanged' };
    }
    await this.versions.rememberPolicyFile(source.sha256, this.now());
    return { status: outcome === null ? 'unchanged' : 'updated' };
  }

  private async change(published: PublishedPolicy, origin: Origin): Promise<ChangeOutcome> {
    if (published.json === this.active.published.json) return { status: 'unchanged', active: this.active.version };
    const created = { documentJson: published.json, sha256: sha256Hex(published.json), createdAt: this.now(), ...origin };
    const added = await this.versions.appendPolicyVersion(created, this.active.version.version);
    if (added === null) {
      const newest = await this.versions.activePolicyVersion();
      if (newest !== null) this.activate({ version: newest, published: publishStored(newest) });
      return { status: 'conflict', active: this.active.version };
    }
    this.activate({ version: added, published });
    return { status: 'created', version: added };
  }

  private activate(next: ActivePolicy): void {
    this.active = next;
    for (const listener of this.listeners) listener(next.published);
    const { version, source, createdBy } = next.version;
    const fields = { policyFile: displayPath(this.file), etag: next.published.etag, version, source, by: createdBy?.id ?? null };
    this.log.info(fields, source === 'file' ? 'Policy reloaded' : 'Policy version activated');
  }
}
