-- An urgent notice's scope (docs/guests.md): {"kind": "venue" | "space" | "booking", "id": ...}; NULL for
-- the notices sent before scopes existed (everyone with an event in the window).
ALTER TABLE broadcasts ADD COLUMN scope jsonb;
