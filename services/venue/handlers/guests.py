"""Use cases of guest lists: replace one (sealed), read it (masked or revealed, always audited), purge it.

Every read writes its audit row in the read's own transaction: no guest data leaves without a trace of who
saw it, when and why. Nothing here logs, raises or records a guest's field values.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from services.venue.adapters.guests import SealedGuest
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.guests import Guest, Purpose, mask, purge_reason, tidy, write_refusal
from services.venue.domain.sealing import KeyRing, Sealed, guest_field
from services.venue.handlers.errors import Conflict, Invalid
from services.venue.handlers.views import visible_booking

log = logging.getLogger(__name__)

SYSTEM = "system:guest-purge"
REVEALED_FIELDS = ("passport_number", "date_of_birth")


@dataclass(frozen=True)
class ShownGuest:
    guest_id: uuid.UUID
    full_name: str
    nationality: str
    passport_number: str | None  # masked unless revealed
    date_of_birth: date | None  # only when revealed


@dataclass(frozen=True)
class ShownList:
    booking_id: uuid.UUID
    guests: list[ShownGuest]
    revealed: bool
    updated_at: datetime | None
    purged_at: datetime | None


def _sealed(keys: KeyRing, booking_id: uuid.UUID, guest: Guest) -> SealedGuest:
    guest_id = uuid.uuid4()
    passport = birth = None
    if guest.passport_number is not None:
        passport = keys.seal(guest.passport_number, guest_field(booking_id, guest_id, "passport_number"))
    if guest.date_of_birth is not None:
        birth = keys.seal(guest.date_of_birth.isoformat(), guest_field(booking_id, guest_id, "date_of_birth"))
    key_id = keys.primary if passport or birth else None
    return SealedGuest(
        guest_id,
        guest.full_name,
        guest.nationality,
        key_id,
        passport.blob if passport else None,
        birth.blob if birth else None,
    )


def _shown(keys: KeyRing, booking_id: uuid.UUID, row: SealedGuest, reveal: bool) -> ShownGuest:
    def opened(field: str, blob: bytes | None) -> str | None:
        if blob is None or row.key_id is None:
            return None
        return keys.open(Sealed(row.key_id, blob), guest_field(booking_id, row.guest_id, field))

    number = opened("passport_number", row.passport_sealed)
    born = opened("date_of_birth", row.birth_date_sealed) if reveal else None
    return ShownGuest(
        row.guest_id,
        row.full_name,
        row.nationality,
        passport_number=number if reveal or number is None else mask(number),
        date_of_birth=date.fromisoformat(born) if born else None,
    )


async def replace_guests(
    database: VenueDatabase,
    keys: KeyRing,
    principal: Principal,
    booking_id: uuid.UUID,
    wanted: list[Guest],
    now: datetime,
    trace_id: str,
) -> ShownList:
    """The booking's guest list becomes ``wanted``, all or nothing; answers it masked."""
    async with database.transaction() as unit:
        booking = await visible_booking(unit, principal, booking_id, lock="FOR SHARE")
        kept, violations = tidy(wanted, await unit.bookings.attendees(booking_id), now.date())
        if violations:
            raise Invalid(violations)
        header = await unit.guests.claim_list(booking_id, principal.actor)
        refusal = write_refusal(booking["status"], booking["ends_at"], header["purged_at"] is not None, now)
        if refusal:
            raise Conflict(refusal)
        sealed = [_sealed(keys, booking_id, guest) for guest in kept]
        header = await unit.guests.replace(booking_id, sealed, principal.actor)
        summary = {
            "guests": len(kept),
            "passports": sum(g.passport_number is not None for g in kept),
            "dates_of_birth": sum(g.date_of_birth is not None for g in kept),
        }
        await unit.audit.record(booking_id, principal.actor, "guests replaced", summary, trace_id)
    shown = [
        ShownGuest(
            row.guest_id,
            row.full_name,
            row.nationality,
            mask(guest.passport_number) if guest.passport_number else None,
            None,
        )
        for row, guest in zip(sealed, kept, strict=True)
    ]
    return ShownList(booking_id, shown, False, header["updated_at"], None)


async def read_guests(
    database: VenueDatabase,
    keys: KeyRing,
    principal: Principal,
    booking_id: uuid.UUID,
    purpose: Purpose | None,
    trace_id: str,
) -> ShownList:
    """The guest list, masked, or revealed for ``purpose``; audited in the same transaction as the read."""
    async with database.transaction() as unit:
        await visible_booking(unit, principal, booking_id)
        header = await unit.guests.header(booking_id)
        rows = await unit.guests.guests(booking_id)
        shown = [_shown(keys, booking_id, row, reveal=purpose is not None) for row in rows]
        if purpose is None:
            await unit.audit.record(
                booking_id, principal.actor, "guests read", {"guests": len(rows)}, trace_id
            )
        else:
            detail = {
                "purpose": purpose.value,
                "guests": len(rows),
                "fields": list(REVEALED_FIELDS),
                "passports": sum(row.passport_sealed is not None for row in rows),
            }
            await unit.audit.record(booking_id, principal.actor, "guests revealed", detail, trace_id)
    return ShownList(
        booking_id,
        shown,
        purpose is not None,
        header["updated_at"] if header else None,
        header["purged_at"] if header else None,
    )


async def purge_one(database: VenueDatabase, retention: timedelta, now: datetime) -> bool:
    """Delete one due list's guests (the booking will not take place, or the retention ran out); False if none."""
    async with database.transaction() as unit:
        due = await unit.guests.due_for_purge(now - retention)
        if due is None:
            return False
        reason = purge_reason(due["status"], due["ends_at"], retention, now) or "retention"
        removed = await unit.guests.purge(due["booking_id"])
        await unit.audit.record(
            due["booking_id"], SYSTEM, "guests purged", {"guests": removed, "reason": reason}
        )
    log.info(
        "guest data purged",
        extra={"fields": {"booking_id": str(due["booking_id"]), "guests": removed, "reason": reason}},
    )
    return True


async def guest_data_accesses(
    database: VenueDatabase, booking_id: uuid.UUID | None, action: str | None, before: int | None, limit: int
) -> list[Any]:
    """Who read, revealed, replaced or purged guest data, newest first."""
    async with database.autocommit() as unit:
        return await unit.guests.accesses(booking_id, action, before, limit)
