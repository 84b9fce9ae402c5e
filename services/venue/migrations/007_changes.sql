-- Changes: a booking's new plan (revision n+1) is held beside the live one (revision n) until every
-- participant has reserved it; a booking may overlap itself, never another booking.
ALTER TABLE bookings ADD COLUMN revision int NOT NULL DEFAULT 0;

ALTER TABLE space_holds ADD COLUMN revision int NOT NULL DEFAULT 0;
ALTER TABLE space_holds DROP CONSTRAINT space_holds_pkey;
ALTER TABLE space_holds ADD PRIMARY KEY (booking_id, unit, revision);
ALTER TABLE space_holds DROP CONSTRAINT space_holds_no_overlap;
ALTER TABLE space_holds ADD CONSTRAINT space_holds_no_overlap
    EXCLUDE USING gist (unit WITH =, during WITH &&, booking_id WITH <>);

CREATE TABLE booking_changes (
    booking_id     uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    revision       int NOT NULL,
    state          text NOT NULL CHECK (state IN ('running', 'applied', 'rejected')),
    plan           jsonb NOT NULL,
    previous       jsonb NOT NULL,
    changes        text[] NOT NULL,
    reason         text,
    actor          text NOT NULL,
    trace_id       text NOT NULL DEFAULT '',
    trace_context  jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (booking_id, revision)
);
-- at most one change of a booking runs at a time
CREATE UNIQUE INDEX booking_changes_one_running ON booking_changes (booking_id) WHERE state = 'running';

CREATE TABLE change_steps (
    booking_id  uuid NOT NULL,
    revision    int NOT NULL,
    step        text NOT NULL,
    position    int NOT NULL,
    state       text NOT NULL,
    detail      text,
    deadline    timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (booking_id, revision, step),
    FOREIGN KEY (booking_id, revision) REFERENCES booking_changes (booking_id, revision) ON DELETE CASCADE
);
CREATE INDEX change_steps_due ON change_steps (deadline) WHERE deadline IS NOT NULL;
