"""A series as one iCalendar event (RFC 5545): its RRULE, EXDATEs for the occurrences that do not take
place, and an override (RECURRENCE-ID) for each occurrence moved since. Pure.

Times are written on the venue's wall clock with its TZID, as the rule was expanded, and the
calendar carries that zone's VTIMEZONE (each offset change around the series spelled out), so
calendar programs expand the rule on the same days as the venue did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from services.venue.domain.ical import CRLF, PRODUCT_ID, escape_text, fold, utc_time


@dataclass(frozen=True)
class SeriesEntry:
    """One occurrence: the rule's times, and where its booking stands (None: never made)."""

    starts_at: datetime
    ends_at: datetime
    takes_place: bool
    booked_starts_at: datetime | None = None
    booked_ends_at: datetime | None = None


@dataclass(frozen=True)
class SeriesEvent:
    uid: str
    rule: str
    zone: tzinfo
    zone_name: str
    summary: str
    location: str
    description: str
    entries: Sequence[SeriesEntry]


def _wall(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y%m%dT%H%M%S")


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _transitions(zone: tzinfo, first: datetime, last: datetime) -> list[datetime]:
    """The instants (to the second) the zone's offset changes between ``first`` and ``last``."""
    found, moment, step = [], first, timedelta(days=1)
    while moment < last:
        following = moment + step
        if moment.astimezone(zone).utcoffset() != following.astimezone(zone).utcoffset():
            before = moment.astimezone(zone).utcoffset()
            low, high = int(moment.timestamp()), int(following.timestamp())
            while high - low > 1:  # low keeps the old offset, high has the new one
                middle = (low + high) // 2
                same = datetime.fromtimestamp(middle, UTC).astimezone(zone).utcoffset() == before
                low, high = (middle, high) if same else (low, middle)
            found.append(datetime.fromtimestamp(high, UTC))
        moment = following
    return found


def vtimezone(zone: tzinfo, name: str, first: datetime, last: datetime) -> list[str]:
    """The zone's offsets from a day before ``first`` to a day after ``last``."""
    start = first - timedelta(days=1)
    offset = start.astimezone(zone).utcoffset()
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", f"TZOFFSETFROM:{_offset(offset)}"]
    lines += [f"TZOFFSETTO:{_offset(offset)}", "END:STANDARD"]
    for change in _transitions(zone, start, last + timedelta(days=1)):
        after = change.astimezone(zone)
        kind = "DAYLIGHT" if after.dst() else "STANDARD"
        wall_before = (change + (offset or timedelta())).replace(tzinfo=None)
        lines += [f"BEGIN:{kind}", f"DTSTART:{wall_before:%Y%m%dT%H%M%S}", f"TZOFFSETFROM:{_offset(offset)}"]
        lines += [f"TZOFFSETTO:{_offset(after.utcoffset())}", f"END:{kind}"]
        offset = after.utcoffset()
    return [*lines, "END:VTIMEZONE"]


def series_calendar(event: SeriesEvent, stamp: datetime) -> str:
    """A VCALENDAR with the series' master event, its exceptions and its moved occurrences."""
    zone, tzid = event.zone, f"TZID={event.zone_name}"
    first, last = event.entries[0], event.entries[-1]
    common = [
        f"DTSTAMP:{utc_time(stamp)}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"LOCATION:{escape_text(event.location)}",
        f"DESCRIPTION:{escape_text(event.description)}",
    ]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines += [f"X-WR-CALNAME:{escape_text(event.summary)}"]
    lines += vtimezone(zone, event.zone_name, first.starts_at, last.ends_at)
    lines += ["BEGIN:VEVENT", f"UID:{event.uid}", *common]
    lines += [f"DTSTART;{tzid}:{_wall(first.starts_at, zone)}", f"DTEND;{tzid}:{_wall(first.ends_at, zone)}"]
    lines += [f"RRULE:{event.rule}"]
    skipped = [_wall(entry.starts_at, zone) for entry in event.entries if not entry.takes_place]
    if skipped:
        lines.append(f"EXDATE;{tzid}:{','.join(skipped)}")
    lines.append("END:VEVENT")
    for entry in event.entries:
        if entry.takes_place and entry.booked_starts_at and entry.booked_ends_at:
            if (entry.booked_starts_at, entry.booked_ends_at) != (entry.starts_at, entry.ends_at):
                lines += ["BEGIN:VEVENT", f"UID:{event.uid}", *common]
                lines += [f"RECURRENCE-ID;{tzid}:{_wall(entry.starts_at, zone)}"]
                lines += [f"DTSTART;{tzid}:{_wall(entry.booked_starts_at, zone)}"]
                lines += [f"DTEND;{tzid}:{_wall(entry.booked_ends_at, zone)}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
