"""Use cases of a guest's invitation letter through their link: ask for one (staff decide), download it.

Asking needs the passport number and date of birth on the registration and its letter wish (the passport's
expiry was checked against the event when the guest gave it). Every request and download is audited.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.booking import Violation
from services.venue.domain.sealing import KeyRing, Sealed, letter_field
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.handlers.guest_link import GUEST, open_link

NEEDED = "is required for an invitation letter: add it to your registration"


async def request_letter(database: VenueDatabase, secret: str, now: datetime, trace_id: str) -> uuid.UUID:
    """A new requested letter's id; Conflict when one is requested or issued, Invalid when data is missing."""
    async with database.transaction() as unit:
        invitation = await open_link(unit, secret, now, lock=True)
        registration = await unit.registrations.of_invitation(invitation["id"])
        if registration is None:
            raise Invalid(
                [Violation("registration", "register first: the letter repeats your passport's data")]
            )
        missing = [
            Violation(field, NEEDED)
            for field, present in (
                ("letter_wanted", registration.letter_wanted),
                ("passport_number", registration.passport_sealed is not None),
                ("date_of_birth", registration.birth_date_sealed is not None),
            )
            if not present
        ]
        if missing:
            raise Invalid(missing)
        letter_id = await unit.letters.request(registration.id, registration.booking_id)
        if letter_id is None:
            raise Conflict("you have a letter requested or issued already")
        detail = {"letter_id": str(letter_id), "registration_id": str(registration.id)}
        await unit.audit.record(registration.booking_id, GUEST, "letter requested", detail, trace_id)
    return letter_id


async def guest_pdf(
    database: VenueDatabase, keys: KeyRing, secret: str, now: datetime, trace_id: str
) -> tuple[str, bytes]:
    """The guest's issued letter (number, PDF); NotFound when none is issued. Audited as a view."""
    async with database.transaction() as unit:
        invitation = await open_link(unit, secret, now)
        registration = await unit.registrations.of_invitation(invitation["id"])
        letter = await unit.letters.pdf_of_registration(registration.id) if registration else None
        if letter is None:
            raise NotFound("no invitation letter has been issued to you")
        detail = {"letter_id": str(letter["id"]), "number": letter["number"], "by": "guest"}
        await unit.audit.record(letter["booking_id"], GUEST, "letter viewed", detail, trace_id)
    pdf = keys.open_bytes(Sealed(letter["key_id"], letter["pdf_sealed"]), letter_field(letter["id"], "pdf"))
    return letter["number"], pdf
