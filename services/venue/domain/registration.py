"""A guest's own registration for an event, and the rules on it. Pure.

The guest types it through their personal link (docs/guests.md). Refusals name the field and the reason,
never the value: a passport number must not travel into an error message, a log line or a span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from services.venue.domain.booking import Violation
from services.venue.domain.countries import ISO_3166_ALPHA_2
from services.venue.domain.guests import EARLIEST_BIRTH, passport_number
from services.venue.domain.profiles import phone_problem
from shared.contracts.allergens import EU_ALLERGENS

GUEST_LOCALES = ("zh-CN", "en", "ko", "fr", "es", "th", "vi", "lo", "km", "ms")
DIETARY = (
    "vegetarian",
    "vegan",
    "halal",
    "kosher",
    "no_pork",
    "no_beef",
    "no_alcohol",
    "gluten_free",
    "lactose_free",
)
NEEDS = (
    "wheelchair",
    "step_free_route",
    "hearing_loop",
    "sign_language",
    "large_print",
    "guide_dog",
    "seating_assistance",
    "quiet_room",
)
NAME_LIMIT = 100
NEEDS_NOTE_LIMIT = 300
OLDEST_YEARS = 120
CONSENT_GRACE = timedelta(hours=24)  # a page opened before a new consent version was published still counts
HOME_COUNTRY = "CN"
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_NAME_PUNCTUATION = frozenset(" -'’.")


@dataclass(frozen=True)
class Registration:
    full_name: str
    nationality: str
    email: str
    locale: str
    consent_version: str
    passport_number: str | None = None
    date_of_birth: date | None = None
    passport_expires: date | None = None  # checked against the event, never stored
    phone: str | None = None
    dietary: tuple[str, ...] = ()
    allergens: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    needs_note: str = ""
    letter_wanted: bool = False


@dataclass(frozen=True)
class ConsentVersions:
    """The consent text's current version, and the one before it with the moment it stopped being current."""

    current: str
    previous: str | None = None
    replaced_at: datetime | None = None

    def accepts(self, version: str, now: datetime) -> bool:
        if version == self.current:
            return True
        return (
            version == self.previous
            and self.replaced_at is not None
            and now < self.replaced_at + CONSENT_GRACE
        )


def name_problem(name: str) -> str | None:
    """Why ``name`` (spaces already tidied) cannot be a name as in a passport, or None."""
    if not name:
        return "must not be blank"
    if len(name) > NAME_LIMIT:
        return f"must be at most {NAME_LIMIT} characters"
    for character in name:
        kind = unicodedata.category(character)
        if character not in _NAME_PUNCTUATION and kind[0] not in "LM":
            return "must be written as in the passport: letters, spaces, hyphens, apostrophes and full stops"
    if not any(unicodedata.category(character)[0] == "L" for character in name):
        return "must contain letters"
    return None


def cross_border(nationality: str) -> bool:
    """Whether the guest is shown the cross-border notice: their data concerns a person from outside China."""
    return nationality != HOME_COUNTRY


def _closed(
    field: str, chosen: tuple[str, ...], allowed: tuple[str, ...]
) -> tuple[tuple[str, ...], list[Violation]]:
    unknown = [index for index, value in enumerate(chosen) if value not in allowed]
    violations = [
        Violation(f"{field}[{index}]", f"must be one of: {', '.join(allowed)}") for index in unknown
    ]
    kept = tuple(value for value in allowed if value in chosen)  # the list's order, each once
    return kept, violations


def _identity(
    registration: Registration, event_ends: date, today: date
) -> tuple[Registration, list[Violation]]:
    violations: list[Violation] = []
    name = " ".join(registration.full_name.split())
    problem = name_problem(name)
    if problem:
        violations.append(Violation("full_name", problem))
    nationality = registration.nationality.strip().upper()
    if nationality not in ISO_3166_ALPHA_2:
        violations.append(Violation("nationality", "must be an ISO 3166-1 alpha-2 code, e.g. AU"))
    number = None
    if registration.passport_number is not None:
        number = passport_number(registration.passport_number)
        if number is None:
            violations.append(Violation("passport_number", "must be 5–20 letters A–Z or digits 0–9"))
    born = registration.date_of_birth
    if born is not None and not max(EARLIEST_BIRTH, _years_before(today, OLDEST_YEARS)) <= born < today:
        violations.append(Violation("date_of_birth", f"must be a past date at most {OLDEST_YEARS} years ago"))
    expires = registration.passport_expires
    if expires is not None and expires < event_ends:
        violations.append(Violation("passport_expires", "the passport must be valid until the event ends"))
    if registration.letter_wanted:
        for field in ("passport_number", "date_of_birth", "passport_expires"):
            if getattr(registration, field) is None:
                violations.append(Violation(field, "is required for an invitation letter"))
    return replace(registration, full_name=name, nationality=nationality, passport_number=number), violations


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _contact(registration: Registration) -> tuple[Registration, list[Violation]]:
    violations: list[Violation] = []
    email = registration.email.strip().lower()
    if len(email) > 254 or not EMAIL.fullmatch(email):
        violations.append(Violation("email", "must be an e-mail address, e.g. name@example.org"))
    phone = registration.phone.strip() if registration.phone else None
    problem = phone_problem(phone) if phone else None
    if problem:
        violations.append(Violation("phone", problem))
    if registration.locale not in GUEST_LOCALES:
        violations.append(Violation("locale", f"must be one of: {', '.join(GUEST_LOCALES)}"))
    return replace(registration, email=email, phone=phone or None), violations


def check_registration(
    registration: Registration, consent: ConsentVersions, event_ends: date, now: datetime
) -> tuple[Registration, list[Violation]]:
    """The registration tidied, and one violation per field at fault (naming the field, never its value)."""
    tidied, violations = _identity(registration, event_ends, now.date())
    tidied, more = _contact(tidied)
    violations += more
    dietary, more = _closed("dietary", registration.dietary, DIETARY)
    violations += more
    allergens, more = _closed("allergens", registration.allergens, EU_ALLERGENS)
    violations += more
    needs, more = _closed("needs", registration.needs, NEEDS)
    violations += more
    note = registration.needs_note.strip()
    if len(note) > NEEDS_NOTE_LIMIT:
        violations.append(Violation("needs_note", f"must be at most {NEEDS_NOTE_LIMIT} characters"))
    if not consent.accepts(registration.consent_version, now):
        violations.append(
            Violation("consent_version", f"must be the current consent text, {consent.current}")
        )
    tidied = replace(tidied, dietary=dietary, allergens=allergens, needs=needs, needs_note=note)
    return tidied, violations
