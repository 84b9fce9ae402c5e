-- An urgent notice records the channels a person cannot be reached on (no phone for SMS, no e-mail
-- address), so the delivery report per channel counts them (docs/guests.md, "Urgent notices"): such a row
-- is never sent and has no address.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
    CHECK (state IN ('pending', 'sent', 'failed', 'skipped', 'not_reachable'));
