-- The SMS provider's side of a delivery (docs/guests.md, "The SMS provider adapter"): the message id it
-- gave when it accepted the message, and its delivery receipt (pulled by the receipts poller). A
-- delivery stays 'sent' (the provider accepted it); the receipt says whether the phone got it.
ALTER TABLE deliveries
    ADD COLUMN provider_message_id text,
    ADD COLUMN receipt             text CHECK (receipt IN ('delivered', 'failed')),
    ADD COLUMN receipt_at          timestamptz,
    ADD CONSTRAINT deliveries_receipt_is_sms CHECK (receipt IS NULL OR channel = 'sms'),
    ADD CONSTRAINT deliveries_receipt_has_time CHECK ((receipt IS NULL) = (receipt_at IS NULL));
