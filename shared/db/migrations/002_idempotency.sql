-- Answers to POST requests sent with an Idempotency-Key, so a repeat gets the first answer.
CREATE TABLE idempotent_requests (
    scope_key     text PRIMARY KEY,
    request_hash  text NOT NULL,
    status        int,
    headers       jsonb,
    body          bytea,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotent_requests_created ON idempotent_requests (created_at);
