-- Console sessions ended by sign-out, so that a copy of the session cookie is refused by every host (ADR 0023).
-- A row can go once expires_at has passed: no cookie of that session can still be valid then.
CREATE TABLE revoked_sessions (
    session_id uuid PRIMARY KEY,
    revoked_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX ix_revoked_sessions_expiry ON revoked_sessions (expires_at);
