-- A reminder fires days after the event that scheduled it: it keeps that event's trace context (and saga
-- tags), so its spans link to the booking's trace.
ALTER TABLE reminders ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}';
