ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('pending', 'confirmed', 'rejected', 'cancelled'));
ALTER TABLE bookings DROP CONSTRAINT bookings_phase_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_phase_check
    CHECK (phase IN ('running', 'compensating', 'confirmed', 'rejected', 'cancelled'));

ALTER TABLE bookings
    ADD COLUMN cancelled_at     timestamptz,
    ADD COLUMN cancelled_by     text,
    ADD COLUMN fee_percent      int CHECK (fee_percent BETWEEN 0 AND 100),
    ADD COLUMN fee_minor        bigint CHECK (fee_minor >= 0),
    ADD COLUMN fee_base_minor   bigint CHECK (fee_base_minor >= 0),
    ADD COLUMN currency         text NOT NULL DEFAULT 'CNY';
