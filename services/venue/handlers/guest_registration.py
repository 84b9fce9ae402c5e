"""A guest's own registration through their personal link: read it (passport masked), create or correct it
(passport number and birth date sealed, the consent's version stored), and the QR pass.

A correction that changes what an issued letter prints waits until staff revoke the letter (409): the
letter must keep matching the passport. Audit rows carry ids and what kind of data was given, never values.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from services.venue.adapters.registrations import SealedRegistration
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.checkin import new_pass_code
from services.venue.domain.consent import Consent
from services.venue.domain.guests import mask
from services.venue.domain.letters import changed_letter_fields
from services.venue.domain.registration import Registration, check_registration, cross_border
from services.venue.domain.sealing import KeyRing, Sealed, guest_field
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.handlers.guest_link import GUEST, open_link


@dataclass(frozen=True)
class GuestView:
    """What the guest sees through their link: the event, their invitation and registration, their pass."""

    invitation: Any
    registration: SealedRegistration | None
    passport: str | None  # masked
    letter: Any | None  # the latest letter's id, state and number


def _opened(keys: KeyRing, row: SealedRegistration, name: str, blob: bytes | None) -> str | None:
    if blob is None or row.key_id is None:
        return None
    return keys.open(Sealed(row.key_id, blob), guest_field(row.booking_id, row.id, name))


def as_given(keys: KeyRing, row: SealedRegistration) -> Registration:
    """The stored registration as the rules see it (sealed fields opened), to compare with a correction."""
    born = _opened(keys, row, "date_of_birth", row.birth_date_sealed)
    return Registration(
        full_name=row.full_name,
        nationality=row.nationality,
        email=row.email or "",
        locale=row.locale,
        consent_version=row.consent_version,
        passport_number=_opened(keys, row, "passport_number", row.passport_sealed),
        date_of_birth=date.fromisoformat(born) if born else None,
    )


def _sealed(
    keys: KeyRing,
    invitation: Any,
    registration_id: uuid.UUID,
    code: str,
    given: Registration,
    locale: str,
    now: datetime,
) -> SealedRegistration:
    booking_id = invitation["booking_id"]
    passport = birth = None
    if given.passport_number is not None:
        passport = keys.seal(
            given.passport_number, guest_field(booking_id, registration_id, "passport_number")
        )
    if given.date_of_birth is not None:
        context = guest_field(booking_id, registration_id, "date_of_birth")
        birth = keys.seal(given.date_of_birth.isoformat(), context)
    return SealedRegistration(
        id=registration_id,
        booking_id=booking_id,
        invitation_id=invitation["id"],
        full_name=given.full_name,
        nationality=given.nationality,
        key_id=keys.primary if passport or birth else None,
        passport_sealed=passport.blob if passport else None,
        birth_date_sealed=birth.blob if birth else None,
        phone=given.phone,
        email=given.email,
        locale=given.locale,
        dietary=list(given.dietary),
        allergens=list(given.allergens),
        needs=list(given.needs),
        needs_note=given.needs_note,
        consent_version=given.consent_version,
        consent_locale=locale,
        consent_at=now,
        cross_border=cross_border(given.nationality),
        letter_wanted=given.letter_wanted,
        check_code=code,
    )


async def read_registration(database: VenueDatabase, keys: KeyRing, secret: str, now: datetime) -> GuestView:
    """The guest's invitation, registration (passport masked) and latest letter."""
    async with database.transaction() as unit:
        invitation = await open_link(unit, secret, now)
        row = await unit.registrations.of_invitation(invitation["id"])
        letter = await unit.letters.latest_of(row.id) if row else None
    number = _opened(keys, row, "passport_number", row.passport_sealed) if row else None
    return GuestView(invitation, row, mask(number) if number else None, letter)


async def register(
    database: VenueDatabase,
    keys: KeyRing,
    consent: Consent,
    secret: str,
    wanted: Registration,
    consent_locale: str,
    now: datetime,
    trace_id: str,
) -> tuple[GuestView, bool]:
    """Create or correct the guest's registration; True when it is new. Invalid names each field at fault."""
    async with database.transaction() as unit:
        invitation = await open_link(unit, secret, now, lock=True)
        if not wanted.email:
            wanted = replace(wanted, email=invitation["email"])
        given, violations = check_registration(wanted, consent.accepted(), invitation["ends_at"].date(), now)
        if violations:
            raise Invalid(violations)
        before = await unit.registrations.of_invitation(invitation["id"])
        if before is not None:
            live = await unit.letters.live_of(before.id)
            changed = changed_letter_fields(as_given(keys, before), given)
            if live is not None and live["status"] == "issued" and changed:
                raise Conflict(
                    f"{', '.join(changed)}: an issued letter prints them; ask the venue to revoke the letter first"
                )
        registration_id = before.id if before else uuid.uuid4()
        code = before.check_code if before else new_pass_code()
        row = _sealed(keys, invitation, registration_id, code, given, consent_locale, now)
        await unit.registrations.save(row)
        detail = {
            "registration_id": str(registration_id),
            "passport": given.passport_number is not None,
            "date_of_birth": given.date_of_birth is not None,
            "consent_version": given.consent_version,
        }
        action = "guest registered" if before is None else "guest corrected registration"
        await unit.audit.record(invitation["booking_id"], GUEST, action, detail, trace_id)
        letter = await unit.letters.latest_of(registration_id)
    passport = mask(given.passport_number) if given.passport_number else None
    return GuestView(invitation, row, passport, letter), before is None


async def pass_code(database: VenueDatabase, secret: str, now: datetime) -> str:
    """The guest's check-in pass code; NotFound until they register."""
    async with database.transaction() as unit:
        invitation = await open_link(unit, secret, now)
        row = await unit.registrations.of_invitation(invitation["id"])
    if row is None:
        raise NotFound("register first: the pass comes with the registration")
    return row.check_code
