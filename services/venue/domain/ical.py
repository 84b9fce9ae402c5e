"""iCalendar (RFC 5545) text for bookings and space feeds, written by hand. Pure.

Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 sequence); TEXT values escape
backslash, semicolon, comma and newlines; every time is written in UTC (``...Z``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

PRODUCT_ID = "-//WICT//Venue booking platform//EN"
LINE_OCTETS = 75
CRLF = "\r\n"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    status: str | None = None  # TENTATIVE, CONFIRMED or CANCELLED
    location: str | None = None
    description: str | None = None
    last_modified: datetime | None = None


def escape_text(value: str) -> str:
    """A TEXT value: backslash first, then ; and , escaped; any newline becomes the two characters \\n."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc_time(moment: datetime) -> str:
    """A DATE-TIME in UTC form, e.g. 20270302T060000Z."""
    if moment.tzinfo is None:
        raise ValueError("calendar times need a time zone")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split a content line into parts of at most 75 octets; each continuation starts with one space."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _event_lines(event: CalendarEvent, stamp: datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_time(stamp)}",
        f"DTSTART:{utc_time(event.starts_at)}",
        f"DTEND:{utc_time(event.ends_at)}",
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.status:
        lines.append(f"STATUS:{event.status}")
    if event.last_modified:
        lines.append(f"LAST-MODIFIED:{utc_time(event.last_modified)}")
    lines.append("TRANSP:" + ("TRANSPARENT" if event.status == "CANCELLED" else "OPAQUE"))
    return [*lines, "END:VEVENT"]


def calendar(events: Iterable[CalendarEvent], stamp: datetime, name: str | None = None) -> str:
    """A VCALENDAR with ``events``; ``name`` titles a subscribed feed in calendar apps."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines.extend(_event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
