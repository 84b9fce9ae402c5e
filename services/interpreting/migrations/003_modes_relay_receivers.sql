-- Consecutive mode, relay booths and the receivers (headsets) pool.

ALTER TABLE reservations ADD COLUMN mode text NOT NULL DEFAULT 'simultaneous'
    CHECK (mode IN ('simultaneous', 'consecutive'));
-- [[target, pivot], ...]: the booths that interpret from another booth rather than from the floor
ALTER TABLE reservations ADD COLUMN relays jsonb NOT NULL DEFAULT '[]';

-- A consecutive interpreter sits in no booth: the assignment names its target language itself.
ALTER TABLE assignments ALTER COLUMN booth_id DROP NOT NULL;
ALTER TABLE assignments ADD COLUMN target_language text;
ALTER TABLE assignments ADD CHECK (booth_id IS NOT NULL OR target_language IS NOT NULL);

-- Receivers in use per 15-minute slot: one atomic upsert per reservation adds to every slot it touches,
-- and the CHECK refuses the one that would go over the pool, whatever runs concurrently.
CREATE TABLE receiver_slots (
    slot      timestamptz PRIMARY KEY,
    capacity  int NOT NULL,
    used      int NOT NULL CHECK (used >= 0),
    CONSTRAINT receiver_slots_within_pool CHECK (used <= capacity)
);

-- What each revision added, so its release gives back exactly that.
CREATE TABLE receiver_holds (
    booking_id  uuid NOT NULL,
    revision    int NOT NULL,
    slot        timestamptz NOT NULL REFERENCES receiver_slots (slot),
    receivers   int NOT NULL CHECK (receivers > 0),
    PRIMARY KEY (booking_id, revision, slot),
    FOREIGN KEY (booking_id, revision) REFERENCES reservations (booking_id, revision) ON DELETE CASCADE
);
