-- Retention: the payloads of delivered notifications are cleared after WICT_PAYLOAD_RETENTION_DAYS; this
-- index finds the ones still carrying one, oldest first, without reading the cleared ones again.
CREATE INDEX notifications_with_payload ON notifications (created_at)
    WHERE html <> '' OR sms <> '' OR ics <> '' OR data <> '{}' OR trace_context <> '{}';
