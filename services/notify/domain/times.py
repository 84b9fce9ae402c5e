"""A booking's time window as a reader abroad should see it: their own zone, the venue's alongside.

``2 March 2027, 07:00–11:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]``: the venue's part repeats the
date only when it falls on other days than the reader's, and is left out when both read the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from string import Template
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec


class Formats(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A locale's patterns (string.Template); see templates/<locale>/locale.toml."""

    date: str
    times: str
    same_day: str
    across_days: str
    in_zone: str
    with_venue: str


@dataclass(frozen=True)
class _Local:
    starts_at: datetime
    ends_at: datetime

    @property
    def dates(self) -> tuple[date, date]:
        return self.starts_at.date(), self.ends_at.date()

    @property
    def clock(self) -> tuple[tuple[int, int], tuple[int, int]]:
        return (self.starts_at.hour, self.starts_at.minute), (self.ends_at.hour, self.ends_at.minute)


def zone_or(name: str, fallback: ZoneInfo) -> ZoneInfo:
    """The IANA zone ``name``, or ``fallback`` when the name is unknown (a reader still gets a time)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return fallback


def _date(day: date, formats: Formats, months: list[str]) -> str:
    return Template(formats.date).substitute(day=day.day, month=months[day.month - 1], year=day.year)


def _window(local: _Local, formats: Formats, months: list[str], with_date: bool) -> str:
    start, end = f"{local.starts_at:%H:%M}", f"{local.ends_at:%H:%M}"
    first, last = local.dates
    if first != last:
        return Template(formats.across_days).substitute(
            start_date=_date(first, formats, months),
            start=start,
            end_date=_date(last, formats, months),
            end=end,
        )
    times = Template(formats.times).substitute(start=start, end=end)
    if not with_date:
        return times
    return Template(formats.same_day).substitute(date=_date(first, formats, months), times=times)


def window_text(
    starts_at: datetime,
    ends_at: datetime,
    reader_zone: ZoneInfo,
    venue_zone: ZoneInfo,
    formats: Formats,
    months: list[str],
) -> str:
    """``starts_at``–``ends_at`` in the reader's zone, with the venue's local time in brackets."""
    reader = _Local(starts_at.astimezone(reader_zone), ends_at.astimezone(reader_zone))
    venue = _Local(starts_at.astimezone(venue_zone), ends_at.astimezone(venue_zone))
    text = Template(formats.in_zone).substitute(
        window=_window(reader, formats, months, with_date=True), zone=reader_zone.key
    )
    if (reader.dates, reader.clock) == (venue.dates, venue.clock):
        return text
    venue_window = _window(venue, formats, months, with_date=venue.dates != reader.dates)
    return Template(formats.with_venue).substitute(
        organizer=text, venue=venue_window, venue_zone=venue_zone.key
    )


def moment_text(
    at: datetime, reader_zone: ZoneInfo, venue_zone: ZoneInfo, formats: Formats, months: list[str]
) -> str:
    """One instant (a deadline, a load-in) in the reader's zone, with the venue's clock in brackets."""
    reader, venue = at.astimezone(reader_zone), at.astimezone(venue_zone)
    local = Template(formats.same_day).substitute(
        date=_date(reader.date(), formats, months), times=f"{reader:%H:%M}"
    )
    text = Template(formats.in_zone).substitute(window=local, zone=reader_zone.key)
    if (reader.date(), reader.hour, reader.minute) == (venue.date(), venue.hour, venue.minute):
        return text
    venue_text = f"{venue:%H:%M}"
    if venue.date() != reader.date():
        venue_text = Template(formats.same_day).substitute(
            date=_date(venue.date(), formats, months), times=venue_text
        )
    return Template(formats.with_venue).substitute(
        organizer=text, venue=venue_text, venue_zone=venue_zone.key
    )
