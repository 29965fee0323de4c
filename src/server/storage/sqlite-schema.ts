/** The embedded store's tables; `user_version` says which of these statements have run. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE packages (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    owner_email TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    max_downloads INTEGER NOT NULL,
    otp_required INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('uploading', 'complete')),
    kek_id TEXT,
    wrapped_key BLOB,
    revoked_at INTEGER,
    revoked_by TEXT,
    shredded_at INTEGER,
    purged_at INTEGER
  ) STRICT;
  CREATE INDEX packages_owner ON packages (owner_id, created_at);
  CREATE INDEX packages_expiry ON packages (state, expires_at);
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    nonce_prefix BLOB NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX files_package ON files (package_id, position);
  CREATE TABLE recipients (
    id TEXT PRIMARY KEY,
    package_id TEXT NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    token_hash BLOB UNIQUE,
    failed_codes INTEGER NOT NULL DEFAULT 0,
    locked_at INTEGER
  ) STRICT;
  CREATE INDEX recipients_package ON recipients (package_id);
  CREATE TABLE downloads (
    recipient_id TEXT NOT NULL REFERENCES recipients (id) ON DELETE CASCADE,
    file_id TEXT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    count INTEGER NOT NULL,
    PRIMARY KEY (recipient_id, file_id)
  ) STRICT;
  CREATE TABLE code_challenges (
    recipient_id TEXT PRIMARY KEY REFERENCES recipients (id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    sent_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    package_id TEXT NOT NULL,
    recipient_id TEXT,
    file_id TEXT,
    action TEXT NOT NULL,
    result TEXT NOT NULL,
    actor TEXT,
    ip TEXT,
    user_agent TEXT,
    bytes INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX audit_package ON audit (package_id, seq);
  CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `,
  `
  CREATE TABLE approvals (
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
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    decided_at INTEGER,
    kek_id TEXT,
    wrapped_key BLOB,
    blob_id TEXT UNIQUE,
    nonce_prefix BLOB,
    shredded_at INTEGER,
    purged_at INTEGER
  ) STRICT;
  CREATE INDEX approvals_sender ON approvals (sender_id, fingerprint, created_at);
  CREATE INDEX approvals_status ON approvals (status, expires_at);
  `,
  `
  CREATE INDEX approvals_granted ON approvals (fingerprint, sender, status);
  `,
  `
  CREATE TABLE audit_events (
    at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    user_id TEXT,
    user TEXT NOT NULL,
    verified INTEGER NOT NULL,
    kind TEXT NOT NULL,
    platform TEXT NOT NULL,
    mailbox TEXT NOT NULL,
    policy TEXT,
    decision TEXT,
    rules TEXT NOT NULL,
    domains TEXT NOT NULL,
    duration_ms INTEGER,
    confirm_seconds REAL
  ) STRICT;
  CREATE INDEX audit_events_at ON audit_events (at);
  CREATE INDEX audit_events_user ON audit_events (user, at);
  `,
  `
  CREATE TABLE policy_versions (
    version INTEGER PRIMARY KEY CHECK (version >= 1),
    document TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by_id TEXT,
    created_by_address TEXT,
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    source TEXT NOT NULL CHECK (source IN ('file', 'admin', 'rollback')),
    restored_from INTEGER REFERENCES policy_versions (version),
    CHECK ((source = 'rollback') = (restored_from IS NOT NULL))
  ) STRICT;
  CREATE TRIGGER policy_versions_append_only_update BEFORE UPDATE ON policy_versions BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
  CREATE TRIGGER policy_versions_append_only_delete BEFORE DELETE ON policy_versions BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
  CREATE TABLE policy_file (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sha256 TEXT NOT NULL,
    taken_at INTEGER NOT NULL
  ) STRICT;
  `,
];
