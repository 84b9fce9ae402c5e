-- Recipients with their language, zone and channels; every notice to organizers, vendors and staff on
-- in-app, e-mail, SMS and signed webhooks; reminders; urgent broadcasts; notify's own booking picture.

-- Who can be told: organizers (from the events), vendors and staff (seeded from recipients.json).
CREATE TABLE recipients (
    key          text PRIMARY KEY CHECK (key ~ '^(organizer|vendor|staff):.+'),
    kind         text        NOT NULL CHECK (kind IN ('organizer', 'vendor', 'staff')),
    name         text        NOT NULL DEFAULT '',   -- personal data: never logged
    email        text        NOT NULL DEFAULT '',
    phone        text        NOT NULL DEFAULT '',
    locale       text        NOT NULL DEFAULT 'en',
    time_zone    text        NOT NULL DEFAULT 'Asia/Shanghai',
    vendor_kind  text,                               -- interpreting | catering, for vendors
    contact_at   timestamptz NOT NULL DEFAULT '-infinity',  -- the newest event the contact came from
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (split_part(key, ':', 1) = kind)
);
CREATE INDEX recipients_by_kind ON recipients (kind);

-- Notifications and deliveries now name the recipient by key, may concern no booking (a broadcast,
-- a webhook notice), and carry what the other channels need (SMS text, calendar, structured data).
ALTER TABLE notifications
    ADD COLUMN recipient_key text,
    ADD COLUMN essential     boolean NOT NULL DEFAULT false,
    ADD COLUMN sms           text    NOT NULL DEFAULT '',
    ADD COLUMN ics           text    NOT NULL DEFAULT '',
    ADD COLUMN data          jsonb   NOT NULL DEFAULT '{}';
UPDATE notifications SET recipient_key = 'organizer:' || lower(recipient);
ALTER TABLE notifications ALTER COLUMN recipient_key SET NOT NULL, ALTER COLUMN booking_id DROP NOT NULL;
DROP INDEX notifications_once;
CREATE UNIQUE INDEX notifications_once ON notifications (message_id, recipient_key);
CREATE INDEX notifications_by_recipient_key ON notifications (recipient_key, created_at DESC);

CREATE TABLE webhook_endpoints (
    id                    uuid PRIMARY KEY,
    recipient_key         text        NOT NULL REFERENCES recipients (key),
    url                   text        NOT NULL,
    secret                text        NOT NULL,  -- needed to sign, so kept (not hashed); never logged
    state                 text        NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled', 'deleted')),
    consecutive_failures  int         NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    created_at            timestamptz NOT NULL DEFAULT now(),
    last_success_at       timestamptz,
    last_failure_at       timestamptz,
    disabled_at           timestamptz,
    CHECK ((state = 'disabled') = (disabled_at IS NOT NULL))
);
CREATE UNIQUE INDEX webhook_endpoints_once ON webhook_endpoints (recipient_key, url) WHERE state = 'active';

-- One delivery per (event, recipient, channel), and per endpoint for webhooks.
ALTER TABLE deliveries
    ADD COLUMN recipient_key text,
    ADD COLUMN endpoint_id   uuid REFERENCES webhook_endpoints (id);
UPDATE deliveries SET recipient_key = 'organizer:' || lower(recipient);
ALTER TABLE deliveries ALTER COLUMN recipient_key SET NOT NULL;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_channel_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_channel_check
    CHECK (channel IN ('in_app', 'email', 'sms', 'webhook'));
ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
    CHECK (state IN ('pending', 'sent', 'failed', 'skipped'));
ALTER TABLE deliveries ADD CONSTRAINT deliveries_webhook_has_endpoint
    CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL));
DROP INDEX deliveries_once;
CREATE UNIQUE INDEX deliveries_once
    ON deliveries (message_id, recipient_key, channel, coalesce(endpoint_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX deliveries_by_recipient ON deliveries (recipient_key, created_at DESC);
CREATE INDEX deliveries_of_endpoint ON deliveries (endpoint_id) WHERE state = 'pending';

-- Every attempt and its outcome, for ops.
CREATE TABLE delivery_attempts (
    delivery_id   uuid        NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    attempt       int         NOT NULL CHECK (attempt >= 1),
    attempted_at  timestamptz NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('sent', 'failed', 'abandoned')),
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE channel_preferences (
    recipient_key  text        NOT NULL REFERENCES recipients (key),
    channel        text        NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
    non_essential  boolean     NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (recipient_key, channel)
);

-- What the dev SMS provider "sent" (a real provider replaces it; the table stays queryable in dev).
CREATE TABLE dev_sms_messages (
    idempotency_key  uuid PRIMARY KEY,  -- the delivery id: a provider call repeated sends one message
    phone            text        NOT NULL,
    body             text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Notify's picture of bookings and vendor tasks, from the events.
CREATE TABLE bookings (
    booking_id     uuid PRIMARY KEY,
    organizer_key  text        NOT NULL,
    title          text        NOT NULL,
    space_id       text        NOT NULL,
    space_name     text        NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('pending', 'held', 'confirmed', 'rejected', 'cancelled', 'expired')),
    last_event_at  timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX bookings_active_window ON bookings USING gist (tstzrange(starts_at, ends_at))
    WHERE status IN ('pending', 'held', 'confirmed');

CREATE TABLE booking_tasks (
    task_id        text        NOT NULL,
    vendor_id      text        NOT NULL,
    booking_id     uuid        NOT NULL,
    kind           text        NOT NULL,
    state          text        NOT NULL CHECK (state IN ('active', 'cancelled', 'declined', 'escalated')),
    space_id       text,
    starts_at      timestamptz,
    ends_at        timestamptz,
    load_in_at     timestamptz,
    load_out_at    timestamptz,
    summary        text        NOT NULL DEFAULT '',
    last_event_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, vendor_id)
);
CREATE INDEX booking_tasks_of_booking ON booking_tasks (booking_id);
CREATE INDEX booking_tasks_active_window ON booking_tasks USING gist (tstzrange(load_in_at, load_out_at))
    WHERE state = 'active';

-- Reminders: due rows are claimed with FOR UPDATE SKIP LOCKED; a cancelled or moved booking cancels
-- its pending reminders in the transaction of the event that says so.
CREATE TABLE reminders (
    id             uuid PRIMARY KEY,  -- derived from (booking, recipient, lead, start); the message id it sends
    booking_id     uuid        NOT NULL,
    recipient_key  text        NOT NULL,
    lead           interval    NOT NULL,
    starts_at      timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    state          text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'cancelled')),
    settled_at     timestamptz,
    reason         text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE state = 'pending';
CREATE INDEX reminders_of_booking ON reminders (booking_id);

CREATE TABLE broadcasts (
    id                uuid PRIMARY KEY,
    window_starts_at  timestamptz NOT NULL,
    window_ends_at    timestamptz NOT NULL,
    notices           jsonb       NOT NULL,  -- {locale: {headline, message}}
    recipients        int         NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (window_ends_at > window_starts_at)
);
