// Rows are read with checks: a wrong type is a broken database, named by table and column.
import { describe, expect, it } from 'vitest';
import { rowReader } from '../../../src/server/storage/row-reader.js';
import { auditEventRecord, packageRecord } from '../../../src/server/storage/stored-rows.js';

const PACKAGE = {
  id: 'p1',
  owner_id: 'o',
  owner_email: null,
  created_at: 1,
  expires_at: 2,
  max_downloads: 3,
  otp_required: 1,
  state: 'complete',
  kek_id: 'k',
  wrapped_key: Buffer.from('key'),
  revoked_at: null,
  revoked_by: null,
  shredded_at: null,
  purged_at: null,
};

describe('stored rows', () => {
  it('reads SQLite’s 0/1 flags and PostgreSQL’s booleans alike', () => {
    expect(packageRecord(PACKAGE).otpRequired).toBe(true);
    expect(packageRecord({ ...PACKAGE, otp_required: false }).otpRequired).toBe(false);
  });

  it('names the table and column of a value of the wrong type', () => {
    expect(() => packageRecord({ ...PACKAGE, expires_at: '2' })).toThrow('packages.expires_at: expected a number, found string');
    expect(() => packageRecord({ ...PACKAGE, state: 'gone' })).toThrow('packages.state: expected uploading | complete');
    expect(() => packageRecord({ ...PACKAGE, id: null })).toThrow('packages.id: expected text, found null');
    expect(() => rowReader('t', { c: 'x' }).bytes('c')).toThrow('t.c: expected bytes');
  });

  it('reads JSON columns as SQLite’s text and as PostgreSQL’s parsed JSONB', () => {
    const row = {
      at: 1,
      received_at: 2,
      user_id: null,
      user: 'u',
      verified: 0,
      kind: 'send',
      platform: 'PC',
      mailbox: '1.13',
      policy: null,
      decision: 'allow',
      duration_ms: null,
      confirm_seconds: null,
    };
    const fromText = auditEventRecord({ ...row, rules: '{"keyword":2}', domains: '["a.example"]' });
    const fromJsonb = auditEventRecord({ ...row, rules: { keyword: 2 }, domains: ['a.example'] });
    expect(fromJsonb).toEqual(fromText);
    expect(fromText.rules).toEqual({ keyword: 2 });
    expect(() => auditEventRecord({ ...row, rules: { keyword: 'two' }, domains: [] })).toThrow('audit_events.rules.keyword');
  });
});
