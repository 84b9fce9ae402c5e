-- Visa invitation letters (issue 16, docs/guests.md). An issued letter has a number (never reused; gaps are
-- fine) and a verification code kept only as its SHA-256; what the public verification shows is frozen in
-- `facts` at issue, the passport number masked there. The PDF itself holds the passport number: sealed by the
-- venue (the letter's id and "pdf" as associated data) and deleted on revocation and at the purge.
CREATE SEQUENCE invitation_letter_numbers;

CREATE TABLE invitation_letters (
    id               uuid PRIMARY KEY,
    registration_id  uuid REFERENCES guest_registrations (id) ON DELETE SET NULL,  -- NULL once purged
    booking_id       uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    status           text NOT NULL DEFAULT 'requested'
                     CHECK (status IN ('requested', 'issued', 'refused', 'revoked')),
    number           text UNIQUE CHECK (number ~ '^WICT-[0-9]{4}-[0-9]{6}$'),
    code_hash        bytea UNIQUE CHECK (length(code_hash) = 32),
    facts            jsonb,
    key_id           text,
    pdf_sealed       bytea,
    requested_at     timestamptz NOT NULL DEFAULT now(),
    decided_at       timestamptz,
    decided_by       text,
    revoked_at       timestamptz,
    revoked_by       text,
    reason           text CHECK (length(reason) <= 500),
    CHECK ((number IS NULL) = (status IN ('requested', 'refused')) OR status = 'revoked'),
    CHECK ((number IS NULL) = (code_hash IS NULL) AND (number IS NULL) = (facts IS NULL)),
    CHECK ((key_id IS NULL) = (pdf_sealed IS NULL)),
    CHECK (pdf_sealed IS NULL OR status = 'issued')
);
-- one live letter per guest
CREATE UNIQUE INDEX invitation_letters_live ON invitation_letters (registration_id)
    WHERE status IN ('requested', 'issued');
-- staff's queue of letters to decide
CREATE INDEX invitation_letters_requested ON invitation_letters (requested_at) WHERE status = 'requested';
