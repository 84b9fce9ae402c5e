CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Reference data, seeded from roster.json on start (idempotent upsert); rows are never deleted while
-- assignments point at them: an interpreter who leaves the roster is marked inactive.
CREATE TABLE agencies (
    vendor_id  text PRIMARY KEY,
    name       jsonb NOT NULL
);

CREATE TABLE interpreters (
    id         text PRIMARY KEY,
    vendor_id  text NOT NULL REFERENCES agencies (vendor_id),
    languages  text[] NOT NULL CHECK (cardinality(languages) >= 2),
    active     boolean NOT NULL DEFAULT true
);

CREATE TABLE booths (
    id        text PRIMARY KEY,
    kind      text NOT NULL CHECK (kind IN ('fixed', 'mobile')),
    space_id  text,
    active    boolean NOT NULL DEFAULT true,
    CHECK ((kind = 'fixed') = (space_id IS NOT NULL))
);

-- One row per booking we were asked about. 'released' without holds is the tombstone of a Release that
-- came before its Reserve; 'rejected' remembers the answer so a repeated Reserve gets the same one.
CREATE TABLE reservations (
    booking_id        uuid PRIMARY KEY,
    status            text NOT NULL CHECK (status IN ('held', 'confirmed', 'released', 'rejected')),
    space_id          text,
    starts_at         timestamptz,
    ends_at           timestamptz,
    floor_language    text,
    target_languages  text[],
    team_per_booth    int CHECK (team_per_booth BETWEEN 1 AND 4),
    attendees         int,
    reason            text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (status NOT IN ('held', 'confirmed') OR (starts_at IS NOT NULL AND ends_at > starts_at))
);

-- A booth serves one target language of one booking at a time (load-in and load-out included).
CREATE TABLE booth_holds (
    booking_id       uuid NOT NULL REFERENCES reservations (booking_id) ON DELETE CASCADE,
    booth_id         text NOT NULL REFERENCES booths (id),
    target_language  text NOT NULL,
    during           tstzrange NOT NULL,
    PRIMARY KEY (booking_id, booth_id),
    UNIQUE (booking_id, target_language),
    CONSTRAINT booth_holds_no_overlap EXCLUDE USING gist (booth_id WITH =, during WITH &&)
);

-- An interpreter is never in two places at once: the database refuses it, whatever the code does.
CREATE TABLE assignments (
    booking_id      uuid NOT NULL,
    booth_id        text NOT NULL,
    interpreter_id  text NOT NULL REFERENCES interpreters (id),
    vendor_id       text NOT NULL REFERENCES agencies (vendor_id),
    during          tstzrange NOT NULL,
    PRIMARY KEY (booking_id, interpreter_id),
    FOREIGN KEY (booking_id, booth_id) REFERENCES booth_holds (booking_id, booth_id) ON DELETE CASCADE,
    CONSTRAINT assignments_no_double_booking EXCLUDE USING gist (interpreter_id WITH =, during WITH &&)
);

-- One task per (booking, agency): a confirmation handled twice finds its task here and sends nothing.
CREATE TABLE vendor_tasks (
    task_id     text PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES reservations (booking_id),
    vendor_id   text NOT NULL REFERENCES agencies (vendor_id),
    message_id  uuid NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (booking_id, vendor_id)
);
