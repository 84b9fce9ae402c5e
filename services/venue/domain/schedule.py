"""When a space can be booked: the booking grid, notice, horizon, duration and opening hours.

Multi-day events are one continuous interval: the space stays blocked (and set up) overnight, and the
opening hours apply to the start on the first day and to the end on the last day. Rules compare wall
clock times in the venue's zone, so they hold across daylight-saving switches; instants stay in UTC.
Pure: the caller passes ``now``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from services.venue.domain.catalog import VenueInfo

Rule = tuple[str, str]  # (field, reason)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ISO_DURATION = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")


def time_rules(starts_at: datetime, ends_at: datetime, venue: VenueInfo, now: datetime) -> list[Rule]:
    """The calendar rules a future, ordered, offset-aware interval breaks."""
    # in UTC: Python subtracts two datetimes of the same ZoneInfo on the wall clock, DST or not
    starts_at, ends_at = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    return [
        *_grid_rules(starts_at, ends_at, venue),
        *_horizon_rules(starts_at, venue, now),
        *_duration_rules(ends_at - starts_at, venue),
        *_opening_rules(starts_at, ends_at, venue),
    ]


def on_grid(moment: datetime, venue: VenueInfo) -> bool:
    local = moment.astimezone(venue.zone)
    return not (local.second or local.microsecond or local.minute % venue.granularity_minutes)


def _grid_rules(starts_at: datetime, ends_at: datetime, venue: VenueInfo) -> list[Rule]:
    step = venue.granularity_minutes
    return [
        (name, f"must fall on a {step}-minute boundary")
        for name, value in (("starts_at", starts_at), ("ends_at", ends_at))
        if not on_grid(value, venue)
    ]


def _horizon_rules(starts_at: datetime, venue: VenueInfo, now: datetime) -> list[Rule]:
    earliest, latest = now + venue.min_notice, now + venue.max_advance
    if starts_at < earliest:
        return [
            (
                "starts_at",
                f"needs {venue.min_notice_hours} hours' notice: "
                f"the earliest start now is {venue_clock(earliest, venue)}",
            )
        ]
    if starts_at > latest:
        return [
            (
                "starts_at",
                f"can be booked at most {venue.max_advance_days} days ahead, "
                f"until {venue_clock(latest, venue)}",
            )
        ]
    return []


def _duration_rules(duration: timedelta, venue: VenueInfo) -> list[Rule]:
    if duration < venue.min_duration:
        return [("ends_at", f"an event lasts at least {venue.min_duration_minutes} minutes")]
    if duration > venue.max_duration:
        return [("ends_at", f"an event lasts at most {venue.max_duration_days} days")]
    return []


def _opening_rules(starts_at: datetime, ends_at: datetime, venue: VenueInfo) -> list[Rule]:
    hours = venue.opening_hours
    opening = f"the venue is open {hours.opens:%H:%M}–{hours.closes:%H:%M} {venue.time_zone}"
    rules = []
    if not hours.opens <= starts_at.astimezone(venue.zone).time() < hours.closes:
        rules.append(("starts_at", f"{opening}; an event starts within those hours"))
    if not hours.opens < ends_at.astimezone(venue.zone).time() <= hours.closes:
        rules.append(("ends_at", f"{opening}; an event (on its last day) ends within those hours"))
    return rules


def venue_clock(moment: datetime, venue: VenueInfo) -> str:
    return f"{moment.astimezone(venue.zone):%Y-%m-%d %H:%M} {venue.time_zone}"


def opening_times(venue: VenueInfo, first: date, last: date) -> list[tuple[datetime, datetime]]:
    """Opening and closing instants (UTC) of each local day from ``first`` to ``last``, DST-safe."""
    hours, zone = venue.opening_hours, venue.zone
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [
        (
            datetime.combine(day, hours.opens, tzinfo=zone).astimezone(UTC),
            datetime.combine(day, hours.closes, tzinfo=zone).astimezone(UTC),
        )
        for day in days
    ]


def ceil_to_grid(moment: datetime, venue: VenueInfo) -> datetime:
    return _to_grid(moment, venue, up=True)


def floor_to_grid(moment: datetime, venue: VenueInfo) -> datetime:
    return _to_grid(moment, venue, up=False)


def _to_grid(moment: datetime, venue: VenueInfo, up: bool) -> datetime:
    """The grid is on the venue's wall clock (it matters for zones a quarter hour off UTC)."""
    offset = moment.astimezone(venue.zone).utcoffset() or timedelta()
    step = timedelta(minutes=venue.granularity_minutes)
    wall = moment - _EPOCH + offset
    steps = -(-wall // step) if up else wall // step
    return _EPOCH + steps * step - offset


def parse_moment(text: str, venue: VenueInfo, end_of_day: bool = False) -> datetime | None:
    """An offset-aware ISO datetime, or a date meaning the venue's midnight starting it (or, with
    ``end_of_day``, ending it); None for anything else, naive datetimes included."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
        return moment.astimezone(UTC) if moment.tzinfo is not None else None
    if end_of_day:
        day += timedelta(days=1)
    return datetime.combine(day, datetime.min.time(), tzinfo=venue.zone).astimezone(UTC)


def parse_duration(text: str) -> timedelta | None:
    """An ISO 8601 duration (PT4H, P2DT3H30M, P1W) or a number of minutes; None if neither."""
    if text.isdigit():
        return timedelta(minutes=int(text))
    match = _ISO_DURATION.match(text.upper())
    if match is None or not any(match.groups()) or text.upper().endswith("T"):
        return None
    weeks, days, hours, minutes = (int(group or 0) for group in match.groups())
    return timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)
