"""Who an organizer invites: one address or an uploaded list, checked row by row. Pure.

An import is all or nothing: every fault is named by the row as the spreadsheet shows it (the header is
row 1) and the field (``rows[12].email``), so the organizer fixes the file once. Names in the file are
for the e-mail's greeting only and are not kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from services.venue.domain.booking import Violation
from services.venue.domain.registration import EMAIL, GUEST_LOCALES

MAX_ROWS = 2000
EMAIL_LIMIT = 254
INVITABLE = ("confirmed", "option")  # an option lets the organizer prepare before confirming
ALREADY_INVITED = "is already invited to this booking"


@dataclass(frozen=True)
class Invitee:
    email: str
    locale: str


def guest_locale(locale: str | None) -> str:
    """The guest locale nearest to ``locale`` (an organizer's language), en when none fits."""
    if not locale:
        return "en"
    if locale in GUEST_LOCALES:
        return locale
    language = locale.split("-")[0].lower()
    if language == "zh":
        return "zh-CN"
    return language if language in GUEST_LOCALES else "en"


def invitee_problems(email: str, locale: str) -> list[tuple[str, str]]:
    """(field, reason) for each fault of one invitee (already tidied)."""
    problems = []
    if len(email) > EMAIL_LIMIT or not EMAIL.fullmatch(email):
        problems.append(("email", "is not an e-mail address"))
    if locale not in GUEST_LOCALES:
        problems.append(("locale", f"must be one of: {', '.join(GUEST_LOCALES)}"))
    return problems


def invitee(email: str, locale: str | None, default_locale: str) -> tuple[Invitee, list[Violation]]:
    wanted = Invitee(email.strip().lower(), (locale or "").strip() or default_locale)
    return wanted, [
        Violation(field, reason) for field, reason in invitee_problems(wanted.email, wanted.locale)
    ]


def read_rows(
    rows: Iterable[Mapping[str, str]], default_locale: str, invited: frozenset[str]
) -> tuple[list[Invitee], list[Violation]]:
    """The invitees of an uploaded list, and one violation per fault (``rows[n].field``, n as shown)."""
    kept: list[Invitee] = []
    violations: list[Violation] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        if number - 1 > MAX_ROWS:
            violations.append(Violation("rows", f"at most {MAX_ROWS} guests per file"))
            break
        wanted = Invitee(
            (row.get("email") or "").strip().lower(), (row.get("locale") or "").strip() or default_locale
        )
        if not wanted.email and not any((value or "").strip() for value in row.values()):
            continue  # an empty line between entries
        problems = invitee_problems(wanted.email, wanted.locale)
        if not problems and wanted.email in seen:
            problems.append(("email", f"repeats row {seen[wanted.email]}"))
        elif not problems and wanted.email in invited:
            problems.append(("email", ALREADY_INVITED))
        violations += [Violation(f"rows[{number}].{field}", reason) for field, reason in problems]
        seen.setdefault(wanted.email, number)
        kept.append(wanted)
    if not kept and not violations:
        violations.append(Violation("rows", "the file has no guests: one e-mail address per row"))
    return kept, violations


def invite_refusal(status: str, ends_at: datetime, now: datetime) -> str | None:
    if status not in INVITABLE:
        return f"guests can be invited to confirmed bookings and options; this booking is {status}"
    if ends_at <= now:
        return "the event is over"
    return None
