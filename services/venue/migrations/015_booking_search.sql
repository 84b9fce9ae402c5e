-- Finding bookings (GET /bookings): keyset pagination by start or creation, per organizer, space,
-- status and series, and text search in the title and the organizer's name.
--
-- pg_trgm indexes `LIKE '%…%'`, but this cluster's ctype is C, so it takes only ASCII letters and
-- digits as word characters: Chinese text would give no trigrams and every search would read the
-- whole table. search_text therefore spells each non-ASCII character as its own word `x<hex code
-- point>` (lower-cased ASCII stays as it is): '王伟 Forum' -> ' x738b  x4f1f  forum'. A search for
-- '王' becomes LIKE '% x738b %' and meets the trigrams of that word.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION wict_search_key(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    spelled text := '';
    c text;
BEGIN
    IF value ~ '^[[:ascii:]]*$' THEN
        RETURN lower(value);
    END IF;
    FOREACH c IN ARRAY string_to_array(value, NULL) LOOP
        spelled := spelled || CASE WHEN ascii(c) < 128 THEN lower(c) ELSE ' x' || to_hex(ascii(c)) || ' ' END;
    END LOOP;
    RETURN spelled;
END
$$;

-- kept by a trigger whoever writes the title (a new booking, a change of plan); the organizer's name is
-- the one the booking was made with (GET /bookings also matches the account's current name)
CREATE FUNCTION bookings_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := wict_search_key(NEW.title || ' ' || coalesce(NEW.organizer ->> 'name', ''));
    RETURN NEW;
END
$$;
ALTER TABLE bookings ADD COLUMN search_text text;
UPDATE bookings SET search_text = wict_search_key(title || ' ' || coalesce(organizer ->> 'name', ''));
ALTER TABLE bookings ALTER COLUMN search_text SET NOT NULL;
CREATE TRIGGER bookings_search_text BEFORE INSERT OR UPDATE OF title, organizer ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_search_text();
CREATE INDEX bookings_search ON bookings USING gin (search_text gin_trgm_ops);

CREATE INDEX bookings_starts ON bookings (starts_at, id);
CREATE INDEX bookings_created ON bookings (created_at, id);
DROP INDEX bookings_organizer;
CREATE INDEX bookings_organizer ON bookings (organizer_id, starts_at, id);
CREATE INDEX bookings_organizer_created ON bookings (organizer_id, created_at, id);
CREATE INDEX bookings_space_starts ON bookings (space_id, starts_at, id);
CREATE INDEX bookings_status_starts ON bookings (status, starts_at, id);

-- has-approval-pending: the few bookings (or changes) waiting for staff
CREATE INDEX saga_steps_approval_pending ON saga_steps (booking_id) WHERE step = 'approval' AND state = 'pending';
CREATE INDEX change_steps_approval_pending ON change_steps (booking_id)
    WHERE step = 'approval' AND state = 'pending';
