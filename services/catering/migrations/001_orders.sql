-- Covers the kitchen has promised per local day and meal period. The CHECK is the guarantee: however
-- many reservations race, covers_reserved never exceeds capacity (nor drops below zero).
CREATE TABLE kitchen_load (
    day              date NOT NULL,
    meal_period      text NOT NULL,
    covers_reserved  int  NOT NULL DEFAULT 0,
    capacity         int  NOT NULL CHECK (capacity >= 0),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, meal_period),
    CHECK (covers_reserved >= 0),
    CHECK (covers_reserved <= capacity)
);

-- One order per booking. A release that arrives before its reserve leaves a tombstone
-- (status 'released', no menu) so the late reserve is refused instead of holding covers forever.
CREATE TABLE catering_orders (
    booking_id   uuid PRIMARY KEY,
    status       text NOT NULL CHECK (status IN ('held', 'confirmed', 'released', 'rejected')),
    menu         text,
    headcount    int CHECK (headcount > 0),
    space_id     text,
    starts_at    timestamptz,
    ends_at      timestamptz,
    serve_at     timestamptz,
    day          date,
    meal_period  text,
    price_minor  bigint,
    currency     text,
    reason       text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- an order that holds covers knows where they are
    CHECK (status NOT IN ('held', 'confirmed') OR (day IS NOT NULL AND meal_period IS NOT NULL AND headcount IS NOT NULL))
);

-- The caterer's tasks: at most one per booking, so a repeated confirm never assigns the work twice.
CREATE TABLE vendor_tasks (
    task_id      text PRIMARY KEY,
    booking_id   uuid NOT NULL UNIQUE REFERENCES catering_orders (booking_id),
    vendor_id    text NOT NULL,
    assigned_at  timestamptz NOT NULL DEFAULT now()
);
