-- Guests of a booking registered with the venue (cross-border guests: access and security).
-- Passport numbers and dates of birth are sealed by the venue (AES-256-GCM, nonce || ciphertext || tag,
-- the booking, the guest and the field as associated data); the database never holds them in the clear.
-- Purged after the retention period, or at once when the booking will not take place.
CREATE TABLE guest_lists (
    booking_id  uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    guests      int NOT NULL DEFAULT 0,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    purged_at   timestamptz
);
-- the purge sweep's list: lists whose data is still here
CREATE INDEX guest_lists_unpurged ON guest_lists (booking_id) WHERE purged_at IS NULL;

CREATE TABLE booking_guests (
    booking_id         uuid NOT NULL REFERENCES guest_lists (booking_id) ON DELETE CASCADE,
    guest_id           uuid NOT NULL,
    position           int NOT NULL,
    full_name          text NOT NULL,
    nationality        text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
    key_id             text,
    passport_sealed    bytea,
    birth_date_sealed  bytea,
    PRIMARY KEY (booking_id, guest_id),
    UNIQUE (booking_id, position),
    CHECK ((key_id IS NULL) = (passport_sealed IS NULL AND birth_date_sealed IS NULL))
);

-- ops' list of every access to guest data (reads, reveals, replacements, purges), newest first
CREATE INDEX audit_log_guest_data ON audit_log (id) WHERE action LIKE 'guests %';
