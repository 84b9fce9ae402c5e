"""Exchange-activity records: when a booking may get one, and the checks on what it says. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from services.venue.domain.booking import Violation
from services.venue.domain.countries import ISO_3166_ALPHA_2


def refusal(status: str, ends_at: datetime, now: datetime) -> str | None:
    """Why the booking cannot have a record yet (None when it can): confirmed, and the event is over."""
    if status != "confirmed":
        return f"only a confirmed booking gets an activity record; this one is {status}"
    if ends_at > now:
        return f"the event ends at {ends_at.isoformat()}: record it afterwards"
    return None


def country_codes(codes: Sequence[str]) -> tuple[list[str], list[Violation]]:
    """The codes upper-cased and de-duplicated in order, and a violation for each unknown one."""
    normalized: list[str] = []
    violations = []
    for index, code in enumerate(codes):
        upper = code.strip().upper()
        if upper not in ISO_3166_ALPHA_2:
            violations.append(
                Violation(f"guest_countries[{index}]", f"{code!r} is not an ISO 3166-1 alpha-2 code")
            )
        elif upper not in normalized:
            normalized.append(upper)
    return normalized, violations


def distinct_names(names: Sequence[str]) -> list[str]:
    """Names trimmed, with repeats that differ only in case or spacing dropped (first spelling kept)."""
    seen: set[str] = set()
    kept = []
    for name in names:
        tidy = " ".join(name.split())
        if tidy and tidy.casefold() not in seen:
            seen.add(tidy.casefold())
            kept.append(tidy)
    return kept
