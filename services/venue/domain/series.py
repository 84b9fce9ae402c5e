"""Recurring series: an iCalendar RRULE (RFC 5545) expanded into occurrences. Pure.

The rule is expanded on the venue's wall clock (``BYDAY=TU`` means Tuesday in Chongqing, and a 14:00
start stays 14:00 across daylight-saving switches where a zone has them) by python-dateutil. The first
occurrence must be the booking's own start: RFC 5545 counts DTSTART as an occurrence even when the rule
would skip it, dateutil does not, so a start the rule does not produce would mean two different series.
The stored rule drops UNTIL for the COUNT it produced, so the series' calendar feed expands to exactly
the occurrences made, in any calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from itertools import islice

from dateutil.rrule import rrulestr

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
PARTS: tuple[str, ...] = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYYEARDAY")
PARTS += ("BYWEEKNO", "BYMONTH", "BYSETPOS")
MODES = ("all_or_nothing", "skip_conflicts")


class RuleError(ValueError):
    """The rule cannot make a series; the message says why (the field is ``rrule`` or ``starts_at``)."""

    def __init__(self, reason: str, field: str = "rrule") -> None:
        super().__init__(reason)
        self.field, self.reason = field, reason


@dataclass(frozen=True)
class Occurrence:
    position: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Recurrence:
    rule: str  # FREQ and BY* parts as given, COUNT the number made, no UNTIL
    occurrences: tuple[Occurrence, ...]


def _parts(text: str) -> list[tuple[str, str]]:
    body = text.strip().removeprefix("RRULE:").removeprefix("rrule:")
    parts = []
    for part in filter(None, body.split(";")):
        name, equals, value = part.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not equals or not value:
            raise RuleError(f"{part!r} is not NAME=VALUE")
        if name not in PARTS:
            raise RuleError(
                f"{name} is not supported here; use {', '.join(PARTS)} (times come from starts_at)"
            )
        parts.append((name, value))
    names = [name for name, _ in parts]
    if len(set(names)) != len(names):
        raise RuleError("names a part twice")
    frequency = dict(parts).get("FREQ")
    if frequency not in FREQUENCIES:
        raise RuleError(f"FREQ must be one of {', '.join(FREQUENCIES)}")
    if ("COUNT" in names) == ("UNTIL" in names):
        raise RuleError("needs COUNT or UNTIL (one of them): a series has an end")
    return parts


def _until(value: str, zone: tzinfo) -> datetime:
    """UNTIL on the venue's wall clock: a date means through that day; ...Z is UTC."""
    try:
        if len(value) == 8:
            return datetime.combine(
                date(int(value[:4]), int(value[4:6]), int(value[6:])), datetime.max.time()
            )
        moment = datetime.strptime(value.removesuffix("Z"), "%Y%m%dT%H%M%S")
    except ValueError:
        raise RuleError(f"UNTIL={value} is not a date (20270601) or a date-time (20270601T120000Z)") from None
    if value.endswith("Z"):
        return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
    return moment


def expand(text: str, starts_at: datetime, ends_at: datetime, zone: tzinfo, limit: int) -> Recurrence:
    """The occurrences of ``text`` from the first booking's start, at most ``limit``; RuleError if not."""
    parts = _parts(text)
    wall_start = starts_at.astimezone(zone).replace(tzinfo=None)
    length = ends_at.astimezone(zone).replace(tzinfo=None) - wall_start
    kept = [(name, value) for name, value in parts if name not in ("COUNT", "UNTIL")]
    wanted = dict(parts)
    if not wanted.get("COUNT", "1").isdigit():
        raise RuleError("COUNT must be a whole number")
    try:
        rule = rrulestr(";".join(f"{name}={value}" for name, value in kept), dtstart=wall_start)
        rule = rule.replace(
            count=int(wanted["COUNT"]) if "COUNT" in wanted else None,
            until=_until(wanted["UNTIL"], zone) if "UNTIL" in wanted else None,
        )
        starts = list(islice(iter(rule), limit + 1))
    except (ValueError, TypeError, KeyError) as error:
        raise RuleError(str(error) or "is not an iCalendar RRULE") from None
    if not starts:
        raise RuleError("gives no occurrence after starts_at")
    if len(starts) > limit:
        raise RuleError(f"gives more than {limit} occurrences (the most a series may have)")
    if starts[0] != wall_start:
        first = starts[0].strftime("%Y-%m-%d %H:%M")
        raise RuleError(
            f"is not an occurrence of the rule: its first would be {first} venue time", "starts_at"
        )
    occurrences = tuple(
        Occurrence(n, _aware(start, zone), _aware(start + length, zone)) for n, start in enumerate(starts)
    )
    return Recurrence(";".join(f"{n}={v}" for n, v in [*kept, ("COUNT", str(len(starts)))]), occurrences)


def _aware(wall: datetime, zone: tzinfo) -> datetime:
    return wall.replace(tzinfo=zone)


def shifted(moment: datetime, by: timedelta, zone: tzinfo) -> datetime:
    """``moment`` moved by ``by`` on the venue's wall clock (a series moved an hour stays at its hour)."""
    return _aware(moment.astimezone(zone).replace(tzinfo=None) + by, zone)


def wall_difference(before: datetime, after: datetime, zone: tzinfo) -> timedelta:
    """How far ``after`` is from ``before`` on the venue's wall clock."""
    return after.astimezone(zone).replace(tzinfo=None) - before.astimezone(zone).replace(tzinfo=None)
