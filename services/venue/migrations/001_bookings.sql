CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings (
    id               uuid PRIMARY KEY,
    idempotency_key  text UNIQUE,
    request_hash     text NOT NULL,
    space_id         text NOT NULL,
    layout           text NOT NULL,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    blocked          tstzrange NOT NULL,
    attendees        int NOT NULL CHECK (attendees > 0),
    title            text NOT NULL,
    organizer        jsonb NOT NULL,
    interpreting     jsonb,
    catering         jsonb,
    status           text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected')),
    phase            text NOT NULL CHECK (phase IN ('running', 'compensating', 'confirmed', 'rejected')),
    reason           text,
    trace_id         text NOT NULL,
    trace_context    jsonb NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

-- One row per unit of floor a booking blocks (a combined room blocks each room it joins).
-- The exclusion constraint is what makes double booking impossible, whatever the code does.
CREATE TABLE space_holds (
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    unit        text NOT NULL,
    during      tstzrange NOT NULL,
    PRIMARY KEY (booking_id, unit),
    CONSTRAINT space_holds_no_overlap EXCLUDE USING gist (unit WITH =, during WITH &&)
);

CREATE TABLE saga_steps (
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    step        text NOT NULL,
    position    int NOT NULL,
    state       text NOT NULL,
    detail      text,
    deadline    timestamptz,
    started_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (booking_id, step)
);
CREATE INDEX saga_steps_due ON saga_steps (deadline) WHERE deadline IS NOT NULL;
