-- Plan revisions: a change reserves revision n+1 of a booking beside its live revision n; confirming n+1
-- releases n, releasing n+1 leaves n as it was. Every reservation, hold and assignment is now keyed by
-- (booking_id, revision); the rows already here are revision 0.

ALTER TABLE assignments DROP CONSTRAINT assignments_booking_id_booth_id_fkey;
ALTER TABLE booth_holds DROP CONSTRAINT booth_holds_booking_id_fkey;
ALTER TABLE vendor_tasks DROP CONSTRAINT vendor_tasks_booking_id_fkey;

ALTER TABLE reservations ADD COLUMN revision int NOT NULL DEFAULT 0 CHECK (revision >= 0);
ALTER TABLE reservations DROP CONSTRAINT reservations_pkey;
ALTER TABLE reservations ADD PRIMARY KEY (booking_id, revision);

-- Two revisions of one booking may hold the same booth or interpreter at overlapping times (only one of
-- them survives: confirm keeps the newer, release drops it); two different bookings never may.
ALTER TABLE booth_holds ADD COLUMN revision int NOT NULL DEFAULT 0;
ALTER TABLE booth_holds DROP CONSTRAINT booth_holds_pkey;
ALTER TABLE booth_holds ADD PRIMARY KEY (booking_id, revision, booth_id);
ALTER TABLE booth_holds DROP CONSTRAINT booth_holds_booking_id_target_language_key;
ALTER TABLE booth_holds ADD UNIQUE (booking_id, revision, target_language);
ALTER TABLE booth_holds ADD FOREIGN KEY (booking_id, revision)
    REFERENCES reservations (booking_id, revision) ON DELETE CASCADE;
ALTER TABLE booth_holds DROP CONSTRAINT booth_holds_no_overlap;
ALTER TABLE booth_holds ADD CONSTRAINT booth_holds_no_overlap
    EXCLUDE USING gist (booth_id WITH =, during WITH &&, booking_id WITH <>);

ALTER TABLE assignments ADD COLUMN revision int NOT NULL DEFAULT 0;
ALTER TABLE assignments DROP CONSTRAINT assignments_pkey;
ALTER TABLE assignments ADD PRIMARY KEY (booking_id, revision, interpreter_id);
ALTER TABLE assignments ADD FOREIGN KEY (booking_id, revision, booth_id)
    REFERENCES booth_holds (booking_id, revision, booth_id) ON DELETE CASCADE;
ALTER TABLE assignments DROP CONSTRAINT assignments_no_double_booking;
ALTER TABLE assignments ADD CONSTRAINT assignments_no_double_booking
    EXCLUDE USING gist (interpreter_id WITH =, during WITH &&, booking_id WITH <>);

-- Still one task per (booking, agency), now with a life: 'live' at the revision the agency was last told
-- about (assigned or changed), or 'cancelled'. message_id is the last message sent for it.
ALTER TABLE vendor_tasks ADD COLUMN revision int NOT NULL DEFAULT 0;
ALTER TABLE vendor_tasks ADD COLUMN status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'cancelled'));
ALTER TABLE vendor_tasks ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE vendor_tasks ADD FOREIGN KEY (booking_id, revision) REFERENCES reservations (booking_id, revision);
