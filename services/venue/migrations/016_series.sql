-- Recurring series (POST /bookings/series): one rule, each occurrence a booking with its own saga.
CREATE TABLE booking_series (
    id            uuid PRIMARY KEY,
    organizer_id  uuid NOT NULL REFERENCES accounts (id),
    created_by    text NOT NULL,
    rrule         text NOT NULL,           -- as normalised: FREQ and BY* parts, COUNT = occurrences generated
    time_zone     text NOT NULL,           -- the venue's zone the rule is expanded in (wall-clock times)
    mode          text NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_conflicts')),
    space_id      text NOT NULL,
    title         text NOT NULL,
    trace_id      text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_series_organizer ON booking_series (organizer_id, created_at);

-- Every occurrence the rule generated: its booking, or why none was made (skipped when created).
-- starts_at/ends_at are the rule's times (the RECURRENCE-ID); the booking may have moved since.
CREATE TABLE series_occurrences (
    series_id    uuid NOT NULL REFERENCES booking_series (id) ON DELETE CASCADE,
    position     int NOT NULL CHECK (position >= 0),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    booking_id   uuid UNIQUE REFERENCES bookings (id),
    reason       text,
    conflict     text,                     -- what stood in the way: rule, closed, taken, network_lines
    PRIMARY KEY (series_id, position),
    CHECK (booking_id IS NOT NULL OR reason IS NOT NULL)
);

ALTER TABLE bookings ADD COLUMN series_id uuid REFERENCES booking_series (id);
CREATE INDEX bookings_series ON bookings (series_id, starts_at, id) WHERE series_id IS NOT NULL;
