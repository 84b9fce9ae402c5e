"""The guest list of a booking: who must be registered with the venue, and the rules on it. Pure.

Cross-border guests are registered with the venue for access and security: a name, a nationality and,
where collected, a passport number and a date of birth. Refusals name the field, never the value: a
passport number must not travel into an error message, a log line or a span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from services.venue.domain.booking import Violation
from services.venue.domain.countries import ISO_3166_ALPHA_2

PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
EARLIEST_BIRTH = date(1900, 1, 1)
MASK = "••••••"
WRITABLE = ("option", "pending", "confirmed")
ENDED_AT_ONCE = ("rejected", "cancelled", "expired")  # nothing to admit anyone to: purge now


class Purpose(StrEnum):
    """Why staff reveal passport numbers: a closed list, so the URL (recorded in spans) carries no free text."""

    ACCESS_CONTROL = "access_control"
    SECURITY_REGISTRATION = "security_registration"
    INCIDENT_RESPONSE = "incident_response"
    DATA_SUBJECT_REQUEST = "data_subject_request"
    LEGAL_OBLIGATION = "legal_obligation"


@dataclass(frozen=True)
class Guest:
    full_name: str
    nationality: str
    passport_number: str | None = None
    date_of_birth: date | None = None


def passport_number(raw: str) -> str | None:
    """The number upper-cased without spaces or hyphens, or None when it is not 5–20 of A–Z 0–9."""
    number = re.sub(r"[\s-]", "", raw).upper()
    return number if PASSPORT.fullmatch(number) else None


def tidy(guests: Sequence[Guest], attendees: int, today: date) -> tuple[list[Guest], list[Violation]]:
    """The list normalised, and one violation per field at fault (naming the field, never its value)."""
    kept: list[Guest] = []
    violations: list[Violation] = []
    if len(guests) > attendees:
        violations.append(Violation("guests", f"at most {attendees} guests: the booking's attendees"))
    first_with: dict[tuple[str, str], int] = {}
    for index, guest in enumerate(guests):
        field = f"guests[{index}]"
        name = " ".join(guest.full_name.split())
        if not name:
            violations.append(Violation(f"{field}.full_name", "must not be blank"))
        nationality = guest.nationality.strip().upper()
        if nationality not in ISO_3166_ALPHA_2:
            violations.append(
                Violation(f"{field}.nationality", "must be an ISO 3166-1 alpha-2 code, e.g. AU")
            )
        number = None
        if guest.passport_number is not None:
            number = passport_number(guest.passport_number)
            if number is None:
                violations.append(
                    Violation(f"{field}.passport_number", "must be 5–20 letters A–Z or digits 0–9")
                )
            elif (nationality, number) in first_with:
                earlier = first_with[nationality, number]
                violations.append(
                    Violation(f"{field}.passport_number", f"the same passport as guests[{earlier}]")
                )
            else:
                first_with[nationality, number] = index
        born = guest.date_of_birth
        if born is not None and not EARLIEST_BIRTH <= born <= today:
            violations.append(Violation(f"{field}.date_of_birth", "must be a past date after 1900-01-01"))
        kept.append(Guest(name, nationality, number, born))
    return kept, violations


def mask(number: str) -> str:
    """``••••••1234``: the last four characters (two of a short number), never the length."""
    return MASK + number[-4:] if len(number) >= 8 else MASK + number[-2:]


def write_refusal(status: str, ends_at: datetime, purged: bool, now: datetime) -> str | None:
    """Why the guest list cannot be changed now (None when it can)."""
    if purged:
        return "the guest data of this booking has been purged"
    if status not in WRITABLE:
        return f"the booking is {status}: there is no event to register guests for"
    if ends_at <= now:
        return "the event is over: the guest list can no longer change"
    return None


def purge_reason(status: str, ends_at: datetime, retention: timedelta, now: datetime) -> str | None:
    """Why a booking's guest data goes now: the booking will not take place, or the retention has run out."""
    if status in ENDED_AT_ONCE:
        return status
    if ends_at + retention <= now:
        return "retention"
    return None
