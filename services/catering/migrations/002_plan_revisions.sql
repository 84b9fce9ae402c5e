-- Plan revisions: a change reserves revision n+1 of a booking beside its live revision n; confirming n+1
-- releases n, releasing n+1 leaves n as it was. Orders are now keyed by (booking_id, revision); the rows
-- already here are revision 0.
--
-- Kitchen covers: revision n+1 takes its own covers beside those of revision n, so while a change is in
-- flight the booking's guests are counted twice in kitchen_load (the CHECK still caps the total). A
-- change on a nearly full meal period can therefore be refused although it would fit once n is given
-- back; confirming n+1 gives n's covers back, releasing n+1 gives back n+1's.

ALTER TABLE vendor_tasks DROP CONSTRAINT vendor_tasks_booking_id_fkey;
ALTER TABLE vendor_tasks DROP CONSTRAINT vendor_tasks_booking_id_key;

ALTER TABLE catering_orders ADD COLUMN revision int NOT NULL DEFAULT 0 CHECK (revision >= 0);
ALTER TABLE catering_orders DROP CONSTRAINT catering_orders_pkey;
ALTER TABLE catering_orders ADD PRIMARY KEY (booking_id, revision);

-- One task per (booking, caterer), with a life: 'live' at the revision the caterer was last told about
-- (assigned or changed), or 'cancelled'; message_id is the last message sent about it.
ALTER TABLE vendor_tasks ADD COLUMN revision int NOT NULL DEFAULT 0;
ALTER TABLE vendor_tasks ADD COLUMN status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'cancelled'));
ALTER TABLE vendor_tasks ADD COLUMN message_id uuid UNIQUE;
ALTER TABLE vendor_tasks ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE vendor_tasks ADD UNIQUE (booking_id, vendor_id);
ALTER TABLE vendor_tasks ADD FOREIGN KEY (booking_id, revision) REFERENCES catering_orders (booking_id, revision);
