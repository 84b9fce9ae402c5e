-- What POST answered first, so a repeated Idempotency-Key answers exactly the same.
ALTER TABLE bookings ADD COLUMN first_status text;
