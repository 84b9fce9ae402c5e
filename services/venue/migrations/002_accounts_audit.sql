-- Who may use the API: organizers, venue staff and ops, each with hashed API keys.
CREATE TABLE accounts (
    id            uuid PRIMARY KEY,
    role          text NOT NULL CHECK (role IN ('organizer', 'staff', 'ops')),
    name          text NOT NULL,
    email         text NOT NULL,
    locale        text NOT NULL DEFAULT 'en',
    time_zone     text NOT NULL DEFAULT 'Asia/Shanghai',
    organization  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz
);
CREATE UNIQUE INDEX accounts_role_email ON accounts (role, lower(email));

CREATE TABLE api_keys (
    key_hash    bytea PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id),
    label       text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

ALTER TABLE bookings
    ADD COLUMN organizer_id uuid REFERENCES accounts (id),
    ADD COLUMN created_by uuid REFERENCES accounts (id);
CREATE INDEX bookings_organizer ON bookings (organizer_id, starts_at);

-- Every change to a booking: who, what, when, from which request (its trace).
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    actor       text NOT NULL,
    action      text NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}',
    trace_id    text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_booking ON audit_log (booking_id, id);
