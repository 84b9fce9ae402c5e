-- Signage and public-address systems (docs/guests.md, "Urgent notices"): their webhook endpoints belong to
-- one recipient, registered by ops at /ops/signage-hooks; urgent notices go to it, staff notices do not.
INSERT INTO recipients (key, kind, name, locale) VALUES ('staff:signage', 'staff', 'Signage and public address', 'en')
ON CONFLICT (key) DO NOTHING;
