-- An organizer may show a booking in the public "what's on" list (GET /events): its title, space and
-- times once it is confirmed, nothing else. Private unless they say so.
ALTER TABLE bookings ADD COLUMN public boolean NOT NULL DEFAULT false;
CREATE INDEX bookings_public_confirmed ON bookings (starts_at) WHERE public AND status = 'confirmed';
