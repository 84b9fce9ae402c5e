-- The in-app feed: one notification per (event, recipient), rendered once in the recipient's locale.
CREATE TABLE notifications (
    id             uuid PRIMARY KEY,
    message_id     uuid        NOT NULL,  -- the event that caused it
    booking_id     uuid        NOT NULL,
    event          text        NOT NULL,
    recipient      text        NOT NULL,  -- e-mail address; personal data, never logged
    locale         text        NOT NULL,
    subject        text        NOT NULL,
    body           text        NOT NULL,
    html           text        NOT NULL DEFAULT '',
    trace_context  jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notifications_once ON notifications (message_id, lower(recipient));
CREATE INDEX notifications_by_booking ON notifications (booking_id, created_at DESC);
CREATE INDEX notifications_by_recipient ON notifications (lower(recipient), created_at DESC);

-- One delivery per (event, recipient, channel): the unique index is what makes the effect happen once,
-- however often the event arrives. The dispatcher claims pending rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE deliveries (
    id               uuid PRIMARY KEY,
    notification_id  uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    message_id       uuid        NOT NULL,
    recipient        text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('in_app', 'email')),
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts         int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_attempt_at  timestamptz,
    sent_at          timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
CREATE UNIQUE INDEX deliveries_once ON deliveries (message_id, lower(recipient), channel);
CREATE INDEX deliveries_of_notification ON deliveries (notification_id);
CREATE INDEX deliveries_due ON deliveries (channel, next_attempt_at) WHERE state = 'pending';
