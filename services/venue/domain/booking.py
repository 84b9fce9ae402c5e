"""Rules a booking request must meet before anything is held. Pure: the caller passes ``now``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from services.venue.domain import schedule
from services.venue.domain.capacity import floor_needs, net_capacity
from services.venue.domain.catalog import Catalog, Space, VenueInfo

# The years the venue can have bookings, counts or windows in (outside them, conversions to UTC can
# overflow what a datetime holds: year 1 at +10:00 is year 0)
VENUE_YEARS = range(2000, 2101)


@dataclass(frozen=True)
class Violation:
    field: str
    reason: str


@dataclass(frozen=True)
class Interval:
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class BookingRequest:
    space_id: str
    layout: str
    starts_at: datetime
    ends_at: datetime
    attendees: int
    time_zone: str
    floor_language: str | None = None
    target_languages: tuple[str, ...] = ()
    catering_headcount: int | None = None
    catering_menu: str | None = None


def blocked_interval(space: Space, starts_at: datetime, ends_at: datetime) -> Interval:
    """The time the space is blocked: the event plus setup before and teardown after."""
    return Interval(starts_at - space.setup, ends_at + space.teardown)


def overlaps(a: Interval, b: Interval) -> bool:
    """Half-open intervals: one ending at 10:00 does not overlap one starting at 10:00."""
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def check(request: BookingRequest, catalog: Catalog, now: datetime) -> list[Violation]:
    """Every rule the request breaks (empty when it can be held)."""
    space = catalog.space(request.space_id)
    if space is None:
        known = ", ".join(space.id for space in catalog.spaces)
        return [Violation("space_id", f"unknown space {request.space_id!r}; spaces are {known}")]
    return [
        *_space_rules(request, space, catalog.venue),
        *_time_rules(request, catalog, now),
        *_service_rules(request),
    ]


def _space_rules(request: BookingRequest, space: Space, venue: VenueInfo) -> list[Violation]:
    """Net capacity: mobile booths and a buffet take floor from the layout's seats."""
    languages = len(request.target_languages) if request.floor_language is not None else 0
    needs = floor_needs(venue.floor_use, languages, request.catering_menu, request.catering_headcount)
    capacity = net_capacity(space, request.layout, venue.floor_use, needs)
    if capacity is None:
        offered = ", ".join(space.layouts)
        return [Violation("layout", f"{space.id} offers the layouts {offered}, not {request.layout!r}")]
    if request.attendees > capacity.seats:
        return [Violation("attendees", capacity.limit(space.id, request.layout))]
    return []


def _time_rules(request: BookingRequest, catalog: Catalog, now: datetime) -> list[Violation]:
    violations = []
    for name, value in (("starts_at", request.starts_at), ("ends_at", request.ends_at)):
        if value.tzinfo is None:
            violations.append(Violation(name, "needs a UTC offset, e.g. 2027-03-02T14:00:00+08:00"))
    if violations:
        return violations
    if request.ends_at <= request.starts_at:
        return [Violation("ends_at", "must be after starts_at")]
    if request.starts_at <= now:
        return [Violation("starts_at", "must be in the future")]
    rules = schedule.time_rules(request.starts_at, request.ends_at, catalog.venue, now)
    return [Violation(name, reason) for name, reason in rules]


def _service_rules(request: BookingRequest) -> list[Violation]:
    violations = []
    try:
        ZoneInfo(request.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        violations.append(Violation("organizer.time_zone", f"unknown IANA time zone {request.time_zone!r}"))
    if request.floor_language is not None:
        targets = request.target_languages
        if not targets:
            violations.append(Violation("interpreting.target_languages", "name at least one target language"))
        if request.floor_language in targets:
            violations.append(
                Violation("interpreting.target_languages", "must not include the floor language")
            )
        if len(set(targets)) != len(targets):
            violations.append(Violation("interpreting.target_languages", "lists a language twice"))
    if request.catering_headcount is not None and request.catering_headcount > request.attendees:
        violations.append(
            Violation("catering.headcount", f"cannot exceed the number of attendees ({request.attendees})")
        )
    return violations


@dataclass(frozen=True)
class ReleasedHold:
    """A booking's hold given up (rejected, cancelled, expired, moved away by a change): the slot it
    blocked may go to someone on the waitlist."""

    space_id: str
    blocked: Interval
