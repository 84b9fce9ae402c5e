-- Signed-in people: the opaque cookie id is stored only as its SHA-256 (a leaked row is no cookie).
-- The person's venue access and refresh tokens stay here, server-side; the browser never sees them.
CREATE TABLE sessions (
    id_hash            bytea PRIMARY KEY,
    account_id         uuid NOT NULL,
    role               text NOT NULL,
    name               text NOT NULL,
    locale             text NOT NULL,
    time_zone          text NOT NULL,
    elder_mode         boolean NOT NULL DEFAULT false,
    access_token       text NOT NULL,
    access_expires_at  timestamptz NOT NULL,
    refresh_token      text,
    refresh_expires_at timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_seen_at       timestamptz NOT NULL DEFAULT now(),
    expires_at         timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- The booking wizard's answers so far, one draft per session (gone with the session).
CREATE TABLE drafts (
    session_hash bytea PRIMARY KEY REFERENCES sessions (id_hash) ON DELETE CASCADE,
    answers      jsonb NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
