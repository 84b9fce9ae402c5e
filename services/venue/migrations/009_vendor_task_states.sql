-- Where each vendor task of a booking stands, as told by the service that owns it (interpreting,
-- catering). Events may arrive late or twice: only a higher version replaces a row.
CREATE TABLE vendor_task_states (
    task_id     text PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    kind        text NOT NULL,
    vendor_id   text NOT NULL,
    state       text NOT NULL CHECK (state IN ('awaiting_answer', 'accepted', 'done', 'declined', 'expired',
                                               'cancelled', 'escalated')),
    reason      text NOT NULL DEFAULT '',
    answer_due  timestamptz,
    version     int NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vendor_task_states_booking ON vendor_task_states (booking_id);
-- the duty desk's list: one state, oldest change first
CREATE INDEX vendor_task_states_desk ON vendor_task_states (state, updated_at, task_id);
