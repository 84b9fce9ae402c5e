"""Utilisation of each space per month: hours booked over hours open, setup and teardown shown apart. Pure.

Per physical space (a room, a hall): a combined booking (rooms A+B) counts on each room it takes.
Hours open are the opening hours of each venue-local day in the period, less closures; hours booked
are the event time of confirmed bookings within opening hours; buffers are the setup and teardown
they block around it (whenever it falls). Months are the venue's calendar months.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from services.venue.domain.booking import Interval
from services.venue.domain.catalog import Catalog


@dataclass(frozen=True)
class HeldTime:
    """A confirmed booking's time on its units: the event and the interval it blocks."""

    units: tuple[str, ...]
    event: Interval
    blocked: Interval


@dataclass(frozen=True)
class UnitClosure:
    unit: str
    during: Interval


@dataclass(frozen=True)
class Utilisation:
    space_id: str
    month: str  # YYYY-MM, venue time
    hours_open: float
    hours_booked: float
    hours_buffers: float
    utilisation: float  # hours_booked / hours_open (0 when closed throughout)


def _overlap(a: Interval, b: Interval) -> timedelta:
    return max(timedelta(), min(a.ends_at, b.ends_at) - max(a.starts_at, b.starts_at))


def _days(period: Interval, zone: tzinfo) -> list[date]:
    """The venue-local days the (half-open) period touches."""
    day = period.starts_at.astimezone(zone).date()
    last = (period.ends_at - timedelta(microseconds=1)).astimezone(zone).date()
    return [day + timedelta(days=n) for n in range((last - day).days + 1)]


def _day_interval(day: date, zone: tzinfo, opens: time = time(0), closes: time | None = None) -> Interval:
    ends = (
        datetime.combine(day, closes, zone)
        if closes
        else datetime.combine(day + timedelta(days=1), time(0), zone)
    )
    return Interval(datetime.combine(day, opens, zone), ends)


def _merged(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for interval in sorted(intervals, key=lambda i: i.starts_at):
        if merged and interval.starts_at <= merged[-1].ends_at:
            last = merged.pop()
            interval = Interval(last.starts_at, max(last.ends_at, interval.ends_at))
        merged.append(interval)
    return merged


def _hours(seconds: timedelta) -> float:
    return round(seconds.total_seconds() / 3600, 2)


def utilisation(
    catalog: Catalog, period: Interval, held: Sequence[HeldTime], closures: Sequence[UnitClosure]
) -> list[Utilisation]:
    """One row per physical space and month of ``period``."""
    venue, rows = catalog.venue, []
    zone, hours = venue.zone, venue.opening_hours
    days = _days(period, zone)
    for space in (space for space in catalog.spaces if space.units == [space.id]):
        unit = space.id
        opened: dict[str, timedelta] = defaultdict(timedelta)
        booked: dict[str, timedelta] = defaultdict(timedelta)
        buffers: dict[str, timedelta] = defaultdict(timedelta)
        closed = _merged(c.during for c in closures if c.unit == unit)
        events = [h for h in held if unit in h.units]
        for day in days:
            month, whole_day = f"{day:%Y-%m}", _day_interval(day, zone)
            opening = _day_interval(day, zone, hours.opens, hours.closes)
            open_part = Interval(
                max(opening.starts_at, period.starts_at), min(opening.ends_at, period.ends_at)
            )
            opened[month] += _overlap(open_part, open_part) - sum(
                (_overlap(open_part, c) for c in closed), timedelta()
            )
            for event in events:
                booked[month] += _overlap(event.event, open_part)
                setup = Interval(event.blocked.starts_at, event.event.starts_at)
                teardown = Interval(event.event.ends_at, event.blocked.ends_at)
                day_in_period = Interval(
                    max(whole_day.starts_at, period.starts_at), min(whole_day.ends_at, period.ends_at)
                )
                buffers[month] += _overlap(setup, day_in_period) + _overlap(teardown, day_in_period)
        for month in sorted(opened):
            rows.append(
                Utilisation(
                    space_id=space.id,
                    month=month,
                    hours_open=_hours(opened[month]),
                    hours_booked=_hours(booked[month]),
                    hours_buffers=_hours(buffers[month]),
                    utilisation=round(booked[month] / opened[month], 4) if opened[month] else 0.0,
                )
            )
    return rows
