-- Option holds: a space held for days without services, converted into a booking or left to expire.
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('option', 'pending', 'confirmed', 'rejected', 'cancelled', 'expired'));
ALTER TABLE bookings DROP CONSTRAINT bookings_phase_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_phase_check
    CHECK (phase IN ('option', 'running', 'compensating', 'confirmed', 'rejected', 'cancelled', 'expired'));
ALTER TABLE bookings
    ADD COLUMN hold_expires_at timestamptz,
    ADD COLUMN expiry_warned_at timestamptz;
CREATE INDEX bookings_option_expiry ON bookings (hold_expires_at) WHERE status = 'option';

-- Organizers queued behind a hold or booking of the same space and time.
CREATE TABLE waitlist (
    id            uuid PRIMARY KEY,
    organizer_id  uuid NOT NULL REFERENCES accounts (id),
    space_id      text NOT NULL,
    units         text[] NOT NULL,
    layout        text NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    blocked       tstzrange NOT NULL,
    attendees     int NOT NULL,
    title         text NOT NULL,
    status        text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'promoted', 'withdrawn')),
    booking_id    uuid REFERENCES bookings (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX waitlist_waiting ON waitlist (space_id, created_at) WHERE status = 'waiting';
