-- The organizer's country (ISO 3166-1 alpha-2), for the bookings-by-country report: a consulate or a
-- tourism board in Chongqing books from a Chinese phone and time zone, so neither tells its country.
ALTER TABLE accounts ADD COLUMN country text CHECK (country ~ '^[A-Z]{2}$');
