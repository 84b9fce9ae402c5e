-- Transactional outbox: messages commit with the state change that causes them; a relay publishes
-- them to JetStream with Nats-Msg-Id = message_id (the stream drops a second copy).
CREATE TABLE outbox (
    seq         bigserial PRIMARY KEY,
    message_id  uuid        NOT NULL UNIQUE,
    subject     text        NOT NULL,
    payload     bytea       NOT NULL,
    headers     jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Inbox: a consumer records each message id it handled in the same transaction as the effect,
-- so a redelivered message changes nothing.
CREATE TABLE inbox (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    handled_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_handled_at ON inbox (handled_at);
