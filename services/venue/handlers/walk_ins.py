"""Use cases of the door beyond the scan: a walk-in registered and checked in at once, what the door shows
of a guest it let in, and the live counts per event and hall.

A walk-in gives a name, nationality, an e-mail address or a mobile number (for urgent notices), a locale
and needs, and accepts the consent on the door's tablet; no passport data at the door (letters need the
personal link).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from services.venue.adapters.registrations import Door, SealedRegistration
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation
from services.venue.domain.checkin import FirstScan, new_pass_code, scan
from services.venue.domain.consent import Consent
from services.venue.domain.registration import ConsentVersions, Registration, check_registration, cross_border
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.handlers.views import visible_booking

CONTACT = "give an e-mail address or a mobile number: urgent notices need one"


def _walk_in_rules(wanted: Registration, consent: ConsentVersions, ends: date, now: datetime) -> Registration:
    given, violations = check_registration(
        replace(wanted, email=wanted.email or "x@walk-in.invalid"), consent, ends, now
    )
    if not wanted.email:
        given = replace(given, email="")
        if not wanted.phone:
            violations.append(Violation("email", CONTACT))
    if violations:
        raise Invalid(violations)
    return given


async def register_walk_in(
    database: VenueDatabase,
    consent: Consent,
    principal: Principal,
    booking_id: uuid.UUID,
    space: str,
    wanted: Registration,
    now: datetime,
    trace_id: str,
) -> Door:
    """Register a guest at the door and check them in at ``space``; 409 when the event is not on now."""
    async with database.transaction() as unit:
        booking = await visible_booking(unit, principal, booking_id, lock="FOR SHARE")
        given = _walk_in_rules(wanted, consent.accepted(), booking["ends_at"].date(), now)
        if booking["status"] != "confirmed":
            raise Conflict(
                f"walk-ins are registered for confirmed events; this booking is {booking['status']}"
            )
        outcome = scan(None, booking["starts_at"], booking["ends_at"], space, principal.actor, now)
        if not isinstance(outcome, FirstScan):
            raise Conflict(getattr(outcome, "reason", "not now"))
        code = new_pass_code()
        row = SealedRegistration(
            id=uuid.uuid4(),
            booking_id=booking_id,
            invitation_id=None,
            full_name=given.full_name,
            nationality=given.nationality,
            key_id=None,
            passport_sealed=None,
            birth_date_sealed=None,
            phone=given.phone,
            email=given.email or None,
            locale=given.locale,
            dietary=list(given.dietary),
            allergens=list(given.allergens),
            needs=list(given.needs),
            needs_note=given.needs_note,
            consent_version=given.consent_version,
            consent_locale=given.locale,
            consent_at=now,
            cross_border=cross_border(given.nationality),
            letter_wanted=False,
            check_code=code,
            walk_in=True,
        )
        await unit.registrations.save(row)
        door = await unit.registrations.check_in(code, space, principal.actor, now)
        assert door is not None and door.first  # the pass was made in this transaction
        detail = {"registration_id": str(row.id), "space": space}
        await unit.audit.record(booking_id, principal.actor, "walk-in registered", detail, trace_id)
    return door


async def at_door(database: VenueDatabase, registration_id: uuid.UUID) -> Any:
    """What the door shows of the guest it let in (name, nationality, needs, event)."""
    async with database.autocommit() as unit:
        row = await unit.registrations.at_door(registration_id)
    if row is None:
        raise NotFound()
    return row


async def live_counts(database: VenueDatabase, principal: Principal, day: date, zone: ZoneInfo) -> list[Any]:
    """Per booking of ``day`` (venue time) and hall: registered, checked in, walk-ins; an organizer's own only."""
    starts = datetime.combine(day, time(0), zone)
    async with database.autocommit() as unit:
        rows = await unit.registrations.counts(starts, starts + timedelta(days=1))
    return [row for row in rows if principal.may_see(row["organizer_id"])]
