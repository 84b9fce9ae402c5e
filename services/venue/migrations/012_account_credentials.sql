-- People's own accounts (issue 12): their profile, whether they are active, their password, the one-time
-- links sent to them by e-mail, and their sessions with rotating refresh tokens. Every secret is stored
-- hashed: passwords with argon2id (a PHC string carrying its parameters), link and refresh tokens (random,
-- 256 bits) with SHA-256.
ALTER TABLE accounts
    ADD COLUMN phone          text,                 -- E.164 (+8613812345678), for SMS; personal data
    ADD COLUMN elder_mode     boolean     NOT NULL DEFAULT false,
    ADD COLUMN password_hash  text,                 -- NULL: no password yet (sign-in link, or set one by reset)
    ADD COLUMN activated_at   timestamptz,          -- NULL: signed up, e-mail not verified yet (pending)
    ADD COLUMN disabled_by    uuid REFERENCES accounts (id),
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT accounts_phone_e164 CHECK (phone ~ '^\+[1-9][0-9]{6,14}$');
UPDATE accounts SET activated_at = created_at;
-- accounts opened by staff are active at once; a sign-up inserts NULL
ALTER TABLE accounts ALTER COLUMN activated_at SET DEFAULT now();
CREATE INDEX accounts_by_email ON accounts (lower(email));

-- One-time links sent by e-mail: sign-up verification, sign-in link, password reset. A newer link of the
-- same purpose supersedes the older ones; a used, superseded or expired link is refused saying which.
CREATE TABLE account_links (
    token_hash     bytea       PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose        text        NOT NULL CHECK (purpose IN ('verify', 'sign_in', 'reset')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    superseded_at  timestamptz
);
CREATE INDEX account_links_open ON account_links (account_id, purpose)
    WHERE used_at IS NULL AND superseded_at IS NULL;
CREATE INDEX account_links_expiry ON account_links (expires_at);

-- A session per sign-in; its id is the access tokens' "sid". Refresh tokens rotate: each is used once,
-- and a second use of one (a stolen copy) revokes the whole session.
CREATE TABLE sessions (
    id              uuid        PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    refreshed_at    timestamptz,
    expires_at      timestamptz NOT NULL,  -- when its newest refresh token expires
    revoked_at      timestamptz,
    revoked_reason  text
);
CREATE INDEX sessions_live_of_account ON sessions (account_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE refresh_tokens (
    token_hash  bytea       PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz
);
CREATE INDEX refresh_tokens_of_session ON refresh_tokens (session_id);

-- API keys get an id (to revoke one), the first characters of the key (to tell them apart) and their last
-- use; ``label`` is the name their owner gave them.
ALTER TABLE api_keys
    ADD COLUMN id            uuid,
    ADD COLUMN prefix        text NOT NULL DEFAULT '',
    ADD COLUMN last_used_at  timestamptz;
UPDATE api_keys SET id = gen_random_uuid();
ALTER TABLE api_keys ALTER COLUMN id SET NOT NULL, ALTER COLUMN id SET DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX api_keys_id ON api_keys (id);
CREATE INDEX api_keys_of_account ON api_keys (account_id, created_at);
