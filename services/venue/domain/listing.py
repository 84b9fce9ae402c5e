"""Finding bookings: the filters a list takes, its order, and the opaque position a page continues from.

Pages are keyset pages: a cursor names the last row shown (its sort value and id), and the next page
starts after it in the same order, so rows inserted meanwhile never shift or repeat a page. Pure.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

STATUSES = ("option", "pending", "confirmed", "rejected", "cancelled", "expired")
MAX_PAGE = 1000
MIN_SEARCH_CHARACTERS = 3


class Sort(StrEnum):
    STARTS_AT = "starts_at"
    STARTS_AT_DESC = "-starts_at"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"

    @property
    def column(self) -> str:
        return self.value.lstrip("-")

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")


@dataclass(frozen=True)
class Position:
    """The last row of a page: the next one starts after it."""

    sort: Sort
    value: datetime
    booking_id: uuid.UUID


@dataclass(frozen=True)
class BookingFilter:
    """What a list asks for; ``organizer_id`` is forced to the caller's own for organizers."""

    statuses: tuple[str, ...] = ()
    space_id: str | None = None
    starts_from: datetime | None = None  # the event starts at or after
    starts_before: datetime | None = None  # the event starts before
    text: str | None = None  # in the title or the organizer's name (as booked), any case
    approval_pending: bool | None = None
    series_id: uuid.UUID | None = None
    organizer_id: uuid.UUID | None = None
    sort: Sort = Sort.STARTS_AT
    after: Position | None = None
    limit: int = 50


def search_problem(text: str) -> str | None:
    """Why ``text`` cannot be searched for, or None: three characters at least, or one Chinese (any
    non-ASCII) character, which the index spells as a word of its own."""
    if text.isascii() and len(text.strip()) < MIN_SEARCH_CHARACTERS:
        return f"at least {MIN_SEARCH_CHARACTERS} letters or digits, or one Chinese character"
    return None


def search_key(text: str) -> str:
    """How the search index spells text: ASCII lower-cased, every other character a word of its own
    (``x`` and its code point in hex), since the trigram index reads only ASCII letters and digits as
    word characters here. The same as the database's ``wict_search_key`` (migration 015)."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c.isascii() else f" x{ord(c):x} " for c in text)


def like_pattern(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, its own % _ and \\ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{search_key(escaped)}%"


def cursor_after(position: Position) -> str:
    """An opaque cursor for the next page (URL-safe)."""
    text = json.dumps([position.sort.value, position.value.isoformat(), str(position.booking_id)])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def position_of(cursor: str, sort: Sort) -> Position:
    """The position a cursor names; ValueError if it is not ours or was made for another order."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        sorted_by, moment, booking_id = json.loads(text)
        position = Position(Sort(sorted_by), datetime.fromisoformat(moment), uuid.UUID(booking_id))
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise ValueError("not a cursor this API gave") from None
    if position.value.tzinfo is None:
        raise ValueError("not a cursor this API gave")
    if position.sort is not sort:
        raise ValueError(f"this cursor continues a list sorted by {position.sort.value}, not {sort.value}")
    return position
