"""The bookings list's filters: from the page's query to GET /bookings's parameters, with what to fix.
Empty filters are left out; the venue pages with a cursor (its Link header). Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from services.web.domain.messages import N_

STATUSES = ("pending", "confirmed", "option", "rejected", "cancelled", "expired")
SORTS = ("starts_at", "-starts_at", "created_at", "-created_at")
PAGE_SIZE = 25
PAGE_SIZES = (10, 25, 50, 100)  # rows per page the person may choose (fewer: shorter pages to read)
CSV_ROWS = 1000  # the venue's largest page: a CSV holds at most this many rows


@dataclass
class Filters:
    status: list[str] = field(default_factory=list)
    start: str = ""  # the event starts on or after this day
    end: str = ""  # ... and on or before this day
    q: str = ""
    sort: str = "starts_at"
    cursor: str = ""
    per_page: int = PAGE_SIZE
    errors: dict[str, str] = field(default_factory=dict)

    def params(self, limit: int | None = None) -> dict[str, Any]:
        """GET /bookings's query (without the fields at fault): a page of ``per_page`` rows unless
        ``limit`` says otherwise."""
        wanted: dict[str, Any] = {"status": self.status, "from": self.start, "to": self.end, "q": self.q}
        wanted = {name: value for name, value in wanted.items() if value and name not in self.errors}
        return wanted | {"sort": self.sort, "limit": limit or self.per_page, "cursor": self.cursor or None}

    def query(self, **changed: str) -> list[tuple[str, str]]:
        """The page's own query string (for the next page, the CSV link), with ``changed`` applied."""
        pairs = [("status", status) for status in self.status]
        pairs += [("from", self.start), ("to", self.end), ("q", self.q), ("sort", self.sort)]
        pairs += [
            ("per_page", str(self.per_page) if self.per_page != PAGE_SIZE else ""),
            ("cursor", self.cursor),
        ]
        kept = [(name, value) for name, value in pairs if name not in changed and value]
        return kept + [(name, value) for name, value in changed.items() if value]


def _day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def filters(values: dict[str, list[str]]) -> Filters:
    """The page's query (each name's values) as filters; unknown values dropped, bad ones named."""

    def one(name: str, longest: int = 100) -> str:
        return (values.get(name) or [""])[-1].strip()[:longest]

    found = Filters(
        status=[s for s in values.get("status", []) if s in STATUSES],
        start=one("from"),
        end=one("to"),
        q=one("q"),
        sort=one("sort") if one("sort") in SORTS else "starts_at",
        cursor=one("cursor", 600),
        per_page=int(one("per_page")) if one("per_page") in {str(size) for size in PAGE_SIZES} else PAGE_SIZE,
    )
    if found.start and not _day(found.start):
        found.errors["from"] = N_("Enter a day like 2027-03-02.")
    if found.end and not _day(found.end):
        found.errors["to"] = N_("Enter a day like 2027-03-02.")
    if found.q and found.q.isascii() and len(found.q) < 3:
        found.errors["q"] = N_("Type at least 3 letters or digits, or one Chinese character.")
    return found
