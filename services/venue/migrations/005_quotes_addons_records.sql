-- Quotes: a request priced before booking (integer minor units); a booking keeps the quote it came from.
CREATE TABLE quotes (
    id           uuid PRIMARY KEY,
    owner_id     uuid NOT NULL REFERENCES accounts (id),
    space_id     text NOT NULL,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    request      jsonb NOT NULL,
    items        jsonb NOT NULL,
    total_minor  bigint NOT NULL CHECK (total_minor >= 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    note         text NOT NULL DEFAULT '',
    valid_until  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quotes_owner ON quotes (owner_id, created_at);

CREATE TABLE booking_quotes (
    booking_id  uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    quote_id    uuid NOT NULL REFERENCES quotes (id)
);

-- International dedicated network lines: a small pool, each line held by at most one booking at a time.
CREATE TABLE network_line_holds (
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    line_id     text NOT NULL,
    during      tstzrange NOT NULL,
    PRIMARY KEY (booking_id, line_id),
    CONSTRAINT network_line_holds_no_overlap EXCLUDE USING gist (line_id WITH =, during WITH &&)
);

-- Activity planning: the organizer asks for help, venue staff work the task.
CREATE TABLE planning_tasks (
    id                uuid PRIMARY KEY,
    booking_id        uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    requested_by      text NOT NULL,
    request           text NOT NULL CHECK (length(request) BETWEEN 1 AND 2000),
    contact_language  text NOT NULL,
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
    assignee_id       uuid REFERENCES accounts (id),
    notes             text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX planning_tasks_booking ON planning_tasks (booking_id, created_at);
CREATE INDEX planning_tasks_status ON planning_tasks (status, created_at);

-- What happened at an event (after it ended): the figures the venue's performance sheet adds up.
CREATE TABLE activity_records (
    booking_id            uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    physical_attendees    int NOT NULL CHECK (physical_attendees >= 0),
    online_attendees      int NOT NULL CHECK (online_attendees >= 0),
    guest_countries       text[] NOT NULL DEFAULT '{}'
                          CHECK (array_to_string(guest_countries, ',') ~ '^([A-Z]{2}(,|$))*$'),
    media_reports         int NOT NULL CHECK (media_reports >= 0),
    cooperation_partners  text[] NOT NULL DEFAULT '{}' CHECK (cardinality(cooperation_partners) <= 50),
    follow_up_actions     text[] NOT NULL DEFAULT '{}',
    recorded_by           text NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
-- the performance sheet counts confirmed bookings by the time they ended
CREATE INDEX bookings_confirmed_ends ON bookings (ends_at) WHERE status = 'confirmed';
