"""The booking as an iCalendar event (RFC 5545), attached to the confirmation e-mail.

Written by hand because it is small: one VEVENT, times in UTC, text values escaped (section 3.3.11),
lines folded at 75 octets without splitting a UTF-8 character (section 3.1), CRLF line ends.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

PRODUCT = "-//WICT//Venue bookings//EN"
_FOLD_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as ``\\n``."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def utc_stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split ``line`` into pieces of at most 75 octets; each continuation starts with one space."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode())
        limit = _FOLD_OCTETS if not pieces else _FOLD_OCTETS - 1  # the leading space counts
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def booking_calendar(
    booking_id: uuid.UUID,
    title: str,
    location: str,
    starts_at: datetime,
    ends_at: datetime,
    stamped_at: datetime,
    description: str = "",
    sequence: int = 0,
) -> str:
    """A VCALENDAR with one VEVENT whose UID is ``<booking id>@wict`` (a later version replaces it)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking_id}@wict",
        f"DTSTAMP:{utc_stamp(stamped_at)}",
        f"DTSTART:{utc_stamp(starts_at)}",
        f"DTEND:{utc_stamp(ends_at)}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{escape_text(title)}",
        f"LOCATION:{escape_text(location)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += ["STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
