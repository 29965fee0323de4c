import type { PolicyVersionRecord, PolicyVersionStore } from './policy-version-store.js';

/**
 * Policy versions for a server without a data directory (buildApp without secure-link mode, as in
 * tests): the same rules, kept only until the process ends. `npm start` always has a data directory.
 */
export function memoryPolicyVersions(): PolicyVersionStore {
  const versions: PolicyVersionRecord[] = [];
  let takenFile: string | null = null;
  return {
    async activePolicyVersion() {
      return versions.at(-1) ?? null;
    },
    async policyVersion(version) {
      return versions[version - 1] ?? null;
    },
    async policyVersions(before, limit) {
      const below = before ?? Number.MAX_SAFE_INTEGER;
      return versions
        .filter((entry) => entry.version < below)
        .reverse()
        .slice(0, limit)
        .map(({ documentJson: _document, ...summary }) => summary);
    },
    async appendPolicyVersion(created, expectedActive) {
      if ((versions.at(-1)?.version ?? null) !== expectedActive) return null;
      const added = { ...created, version: versions.length + 1 };
      versions.push(added);
      return added;
    },
    async takenPolicyFile() {
      return takenFile;
    },
    async rememberPolicyFile(sha256) {
      takenFile = sha256;
    },
  };
}
