// The PostgreSQL store's tables, the same as the embedded store's (sqlite-schema.ts) with PostgreSQL's
// types: times are epoch milliseconds in BIGINT, bytes are BYTEA, and a `seq` column keeps insertion
// order where SQLite's rowid did. Each entry runs once, in order, recorded in `preflight_migrations`.
// Two tables exist only here, for several instances: `server_keys` (the wrapped keys the embedded store
// keeps as files in <data>/keys/) and `rate_counters` (unlogged: losing counts in a crash only resets a
// minute's limits).
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE packages (
    seq BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    owner_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    max_downloads INTEGER NOT NULL,
    otp_required BOOLEAN NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('uploading', 'complete')),
    kek_id TEXT,
    wrapped_key BYTEA,
    revoked_at BIGINT,
    revoked_by TEXT,
    shredded_at BIGINT,
    purged_at BIGINT
  );
  CREATE INDEX packages_owner ON packages (owner_id, created_at);
  CREATE INDEX packages_expiry ON packages (state, expires_at);
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    nonce_prefix BYTEA NOT NULL,
    uploaded BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE INDEX files_package ON files (package_id, position);
  CREATE TABLE recipients (
    seq BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    token_hash BYTEA UNIQUE,
    failed_codes INTEGER NOT NULL DEFAULT 0,
    locked_at BIGINT
  );
  CREATE INDEX recipients_package ON recipients (package_id);
  CREATE TABLE downloads (
    recipient_id TEXT NOT NULL REFERENCES recipients (id) ON DELETE CASCADE,
    file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    PRIMARY KEY (recipient_id, file_id)
  );
  CREATE TABLE code_challenges (
    recipient_id TEXT PRIMARY KEY REFERENCES recipients (id) ON DELETE CASCADE,
    code_hash BYTEA NOT NULL,
    sent_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE audit (
    seq BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    package_id TEXT NOT NULL,
    recipient_id TEXT,
    file_id TEXT,
    action TEXT NOT NULL,
    result TEXT NOT NULL,
    actor TEXT,
    ip TEXT,
    user_agent TEXT,
    bytes BIGINT NOT NULL
  );
  CREATE INDEX audit_package ON audit (package_id, seq);
  CREATE FUNCTION preflight_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
  END;
  $$;
  CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION preflight_refuse_change();
  CREATE TABLE approvals (
    seq BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    sender_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    approvers TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired')),
    decided_by TEXT,
    comment TEXT,
    token TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    decided_at BIGINT,
    kek_id TEXT,
    wrapped_key BYTEA,
    blob_id TEXT UNIQUE,
    nonce_prefix BYTEA,
    shredded_at BIGINT,
    purged_at BIGINT
  );
  CREATE INDEX approvals_sender ON approvals (sender_id, fingerprint, created_at);
  CREATE INDEX approvals_status ON approvals (status, expires_at);
  CREATE INDEX approvals_granted ON approvals (fingerprint, sender, status);
  CREATE TABLE audit_events (
    seq BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    user_id TEXT,
    "user" TEXT NOT NULL,
    verified BOOLEAN NOT NULL,
    kind TEXT NOT NULL,
    platform TEXT NOT NULL,
    mailbox TEXT NOT NULL,
    policy TEXT,
    decision TEXT,
    rules JSONB NOT NULL,
    domains JSONB NOT NULL,
    duration_ms BIGINT,
    confirm_seconds DOUBLE PRECISION
  );
  CREATE INDEX audit_events_at ON audit_events (at);
  CREATE INDEX audit_events_user ON audit_events ("user", at);
  CREATE TABLE policy_versions (
    version INTEGER PRIMARY KEY CHECK (version >= 1),
    document TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by_id TEXT,
    created_by_address TEXT,
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    source TEXT NOT NULL CHECK (source IN ('file', 'admin', 'rollback')),
    restored_from INTEGER REFERENCES policy_versions (version),
    CHECK ((source = 'rollback') = (restored_from IS NOT NULL))
  );
  CREATE TRIGGER policy_versions_append_only BEFORE UPDATE OR DELETE ON policy_versions FOR EACH ROW EXECUTE FUNCTION preflight_refuse_change();
  CREATE TABLE policy_file (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sha256 TEXT NOT NULL,
    taken_at BIGINT NOT NULL
  );
  CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE UNLOGGED TABLE rate_counters (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  );
  `,
];
