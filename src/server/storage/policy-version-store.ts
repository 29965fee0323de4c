/** Where a policy version came from: the policy file, an administrator's save, or a rollback to an older one. */
export type PolicyVersionSource = 'file' | 'admin' | 'rollback';

/** Who made a version through the API; versions taken from the file have none. */
export interface PolicyVersionAuthor {
  readonly id: string;
  readonly address: string | null;
}

/** One stored policy version without its document; times are epoch milliseconds. */
export interface PolicyVersionSummary {
  readonly version: number;
  /** SHA-256 (hex) of `documentJson`: the compact JSON the server serves. */
  readonly sha256: string;
  readonly createdAt: number;
  readonly createdBy: PolicyVersionAuthor | null;
  readonly reason: string;
  readonly source: PolicyVersionSource;
  /** The version whose document a rollback restored; null otherwise. */
  readonly restoredFrom: number | null;
}

export interface PolicyVersionRecord extends PolicyVersionSummary {
  readonly documentJson: string;
}

export type NewPolicyVersion = Omit<PolicyVersionRecord, 'version'>;

/**
 * The policy's history, newest last; the newest version is the active policy (docs/admin.md, "Policy
 * versions"). Also remembers the SHA-256 of the policy file's content the server last took, so an
 * unchanged file is never taken again over an administrator's save, even after a restart.
 */
export interface PolicyVersionStore {
  activePolicyVersion(): Promise<PolicyVersionRecord | null>;
  policyVersion(version: number): Promise<PolicyVersionRecord | null>;
  /** Newest first, versions below `before` (all when null), at most `limit`. */
  policyVersions(before: number | null, limit: number): Promise<readonly PolicyVersionSummary[]>;
  /**
   * Adds the next version when `expectedActive` is still the newest (null: there is none yet), in one
   * transaction; null (and no change) when another version was added first.
   */
  appendPolicyVersion(created: NewPolicyVersion, expectedActive: number | null): Promise<PolicyVersionRecord | null>;
  /** The SHA-256 of the file content last taken, or null before the first. */
  takenPolicyFile(): Promise<string | null>;
  rememberPolicyFile(sha256: string, at: number): Promise<void>;
}
