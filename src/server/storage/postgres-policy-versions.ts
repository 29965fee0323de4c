import type pg from 'pg';
import type { NewPolicyVersion, PolicyVersionRecord, PolicyVersionStore } from './policy-version-store.js';
import { rowReader, type Row } from './row-reader.js';
import { POLICY_VERSION_COLUMNS, placeholders, policyVersionValues } from './stored-values.js';
import { POLICY_VERSION_SUMMARY_COLUMNS, policyVersionRecord, policyVersionSummary } from './stored-rows.js';

/** PostgreSQL's unique_violation (Appendix A of its manual): another instance took the version number first. */
const UNIQUE_VIOLATION = '23505';

/** The policy-version part of the PostgreSQL MetaStore. */
export function postgresPolicyVersions(pool: pg.Pool): PolicyVersionStore {
  const first = async (sql: string, values: readonly unknown[] = []): Promise<Row | undefined> =>
    (await pool.query(sql, [...values])).rows[0] as Row | undefined;
  return {
    async activePolicyVersion() {
      return policyVersionRecord(await first('SELECT * FROM policy_versions ORDER BY version DESC LIMIT 1'));
    },
    async policyVersion(version) {
      return policyVersionRecord(await first('SELECT * FROM policy_versions WHERE version = $1', [version]));
    },
    async policyVersions(before, limit) {
      const below = before ?? 2_147_483_647;
      const { rows } = await pool.query(
        `SELECT ${POLICY_VERSION_SUMMARY_COLUMNS} FROM policy_versions WHERE version < $1 ORDER BY version DESC LIMIT $2`,
        [below, limit],
      );
      return (rows as Row[]).map(policyVersionSummary);
    },
    async appendPolicyVersion(created: NewPolicyVersion, expectedActive) {
      const version = (expectedActive ?? 0) + 1;
      try {
        // Inserted only while `expectedActive` is the newest; two instances saving at once both try the
        // same version number, and the primary key lets one through.
        const result = await pool.query(
          `INSERT INTO policy_versions (${POLICY_VERSION_COLUMNS})
           SELECT ${placeholders(POLICY_VERSION_COLUMNS, 'numbered')}
           WHERE (SELECT COALESCE(max(version), 0) FROM policy_versions) = $1 - 1`,
          policyVersionValues(version, created),
        );
        return result.rowCount === 1 ? { ...created, version } : null;
      } catch (error) {
        if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return null;
        throw error;
      }
    },
    async takenPolicyFile() {
      const row = await first('SELECT sha256 FROM policy_file WHERE id = 1');
      return row === undefined ? null : rowReader('policy_file', row).text('sha256');
    },
    async rememberPolicyFile(sha256, at) {
      await pool.query(
        'INSERT INTO policy_file (id, sha256, taken_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, taken_at = excluded.taken_at',
        [sha256, at],
      );
    },
  };
}
