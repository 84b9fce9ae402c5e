-- Ops actions on dead letters (shown, replayed, discarded) are audited like changes to bookings; a dead
-- letter names a booking only when its payload does (and the booking is ours), so the booking is optional.
ALTER TABLE audit_log ALTER COLUMN booking_id DROP NOT NULL;
-- ops' own trail, newest first
CREATE INDEX audit_log_ops ON audit_log (id) WHERE action LIKE 'dead letter %';
