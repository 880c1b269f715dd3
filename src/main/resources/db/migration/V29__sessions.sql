-- Browser sessions kept on the server: the session cookie names one row (by the SHA-256 of its secret); logging out
-- deletes it, a password change deletes all of the user's, and every instance checks the row on each request.
CREATE TABLE user_session (
    token_hash   bytea PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Failed logins per account ('account:<e-mail>') and per address ('address:<ip>'), shared by every instance.
CREATE TABLE login_throttle (
    key             text PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

-- API tokens may expire.
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
