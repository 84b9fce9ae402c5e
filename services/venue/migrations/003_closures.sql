-- Closures and blackouts set by staff: the whole venue (space_id NULL) or one space, for an interval.
CREATE TABLE closures (
    id          uuid PRIMARY KEY,
    space_id    text,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    created_by  uuid REFERENCES accounts (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX closures_period ON closures USING gist (tstzrange(starts_at, ends_at));

-- One row per unit of floor a closure blocks, like space_holds. Closures may overlap each other, so
-- no exclusion constraint: a new booking's hold is checked against these rows after it takes the
-- shared calendar lock, and a new closure takes that lock exclusively (see adapters/closures.py).
CREATE TABLE closure_blocks (
    closure_id  uuid NOT NULL REFERENCES closures (id) ON DELETE CASCADE,
    unit        text NOT NULL,
    during      tstzrange NOT NULL,
    PRIMARY KEY (closure_id, unit)
);
CREATE INDEX closure_blocks_unit_during ON closure_blocks USING gist (unit, during);
