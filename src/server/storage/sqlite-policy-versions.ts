import type Database from 'better-sqlite3';
import type { NewPolicyVersion, PolicyVersionRecord, PolicyVersionStore } from './policy-version-store.js';
import { rowReader } from './row-reader.js';
import { allRows, oneRow } from './sqlite-rows.js';
import { POLICY_VERSION_COLUMNS, placeholders, policyVersionValues } from './stored-values.js';
import { POLICY_VERSION_SUMMARY_COLUMNS, policyVersionRecord, policyVersionSummary } from './stored-rows.js';

/**
 * The policy-version part of the embedded MetaStore (tables of the fourth migration in sqlite-schema.ts).
 * `statement` is the store's own, which prepares each statement once.
 */
export function sqlitePolicyVersions(database: Database.Database, statement: (sql: string) => Database.Statement): PolicyVersionStore {
  const newest = (): PolicyVersionRecord | null =>
    policyVersionRecord(oneRow(statement('SELECT * FROM policy_versions ORDER BY version DESC LIMIT 1').get()));

  const append = database.transaction((created: NewPolicyVersion, expectedActive: number | null): PolicyVersionRecord | null => {
    if ((newest()?.version ?? null) !== expectedActive) return null;
    const version = (expectedActive ?? 0) + 1;
    statement(`INSERT INTO policy_versions (${POLICY_VERSION_COLUMNS}) VALUES (${placeholders(POLICY_VERSION_COLUMNS, 'question')})`).run(
      ...policyVersionValues(version, created),
    );
    return { ...created, version };
  });

  return {
    async activePolicyVersion() {
      return newest();
    },
    async policyVersion(version) {
      return policyVersionRecord(oneRow(statement('SELECT * FROM policy_versions WHERE version = ?').get(version)));
    },
    async policyVersions(before, limit) {
      const below = before ?? Number.MAX_SAFE_INTEGER;
      const rows = allRows(
        statement(`SELECT ${POLICY_VERSION_SUMMARY_COLUMNS} FROM policy_versions WHERE version < ? ORDER BY version DESC LIMIT ?`).all(
          below,
          limit,
        ),
      );
      return rows.map(policyVersionSummary);
    },
    async appendPolicyVersion(created, expectedActive) {
      return append(created, expectedActive);
    },
    async takenPolicyFile() {
      const row = oneRow(statement('SELECT sha256 FROM policy_file WHERE id = 1').get());
      return row === undefined ? null : rowReader('policy_file', row).text('sha256');
    },
    async rememberPolicyFile(sha256, at) {
      statement(
        'INSERT INTO policy_file (id, sha256, taken_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, taken_at = excluded.taken_at',
      ).run(sha256, at);
    },
  };
}
