-- Guests who register themselves through a personal link (issue 16, docs/guests.md).
-- The link's secret is never stored: only its SHA-256. Passport numbers and dates of birth are sealed by the
-- venue as in booking_guests (AES-256-GCM; the booking, the registration and the field as associated data).
CREATE TABLE guest_invitations (
    id          uuid PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    email       text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    locale      text NOT NULL,
    token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    status      text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'registered', 'withdrawn', 'revoked')),
    invited_by  text NOT NULL,
    invited_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    sent_count  int NOT NULL DEFAULT 1 CHECK (sent_count BETWEEN 1 AND 6),
    UNIQUE (booking_id, email)
);

CREATE TABLE guest_registrations (
    id                uuid PRIMARY KEY,
    booking_id        uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    invitation_id     uuid UNIQUE REFERENCES guest_invitations (id) ON DELETE CASCADE,  -- NULL: a walk-in
    full_name         text NOT NULL,
    nationality       text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
    key_id            text,
    passport_sealed   bytea,
    birth_date_sealed bytea,
    phone             text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email             text,
    locale            text NOT NULL,
    dietary           text[] NOT NULL DEFAULT '{}',
    allergens         text[] NOT NULL DEFAULT '{}',
    needs             text[] NOT NULL DEFAULT '{}',
    needs_note        text NOT NULL DEFAULT '' CHECK (length(needs_note) <= 300),
    consent_version   text NOT NULL,
    consent_locale    text NOT NULL,
    consent_at        timestamptz NOT NULL,
    cross_border      boolean NOT NULL,
    letter_wanted     boolean NOT NULL DEFAULT false,
    check_code        text NOT NULL UNIQUE CHECK (check_code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
    checked_in_at     timestamptz,
    checked_in_space  text,
    checked_in_by     text,
    walk_in           boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((key_id IS NULL) = (passport_sealed IS NULL AND birth_date_sealed IS NULL)),
    CHECK ((checked_in_at IS NULL) = (checked_in_space IS NULL) AND (checked_in_at IS NULL) = (checked_in_by IS NULL)),
    CHECK (walk_in = (invitation_id IS NULL)),
    CHECK (phone IS NOT NULL OR email IS NOT NULL)  -- a notice must be able to reach everyone on site
);
CREATE INDEX guest_registrations_booking ON guest_registrations (booking_id);
-- the door's live counts: who came in where
CREATE INDEX guest_registrations_checked_in ON guest_registrations (booking_id, checked_in_space)
    WHERE checked_in_at IS NOT NULL;
