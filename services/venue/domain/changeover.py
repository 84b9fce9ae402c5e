"""A new booking's hold: setup and teardown buffers, longer next to a booking in another layout. Pure.

The setup grows to the changeover time (e.g. 90 min banquet -> theater) when the nearest booking
before it on any of the space's units left another layout. Symmetrically, the teardown grows when
the nearest booking after it needs more changeover time than the setup that booking already holds.
Buffers block the space but are not the organizer's time: vendors see them as load-in and load-out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.venue.domain.booking import Interval
from services.venue.domain.catalog import Catalog, Space, VenueInfo


@dataclass(frozen=True)
class Block:
    """Time a unit of floor is not free: a booking's hold (with its layout) or a closure (its reason)."""

    unit: str
    starts_at: datetime
    ends_at: datetime
    layout: str | None = None  # bookings only
    event_starts_at: datetime | None = None  # bookings only: the end of the setup they hold
    closure_id: object = None  # closures only
    reason: str = ""

    @property
    def is_closure(self) -> bool:
        return self.layout is None

    @property
    def setup_held(self) -> timedelta:
        return (self.event_starts_at or self.starts_at) - self.starts_at


def margin(catalog: Catalog) -> timedelta:
    """How far from a booking its neighbours can still change its buffers."""
    buffers = [max(space.setup, space.teardown) for space in catalog.spaces]
    return catalog.venue.changeover.longest + max(buffers, default=timedelta())


def previous_bookings(blocks: Iterable[Block], units: list[str], moment: datetime) -> list[Block]:
    """Per unit, the booking whose hold ends last at or before ``moment``."""
    nearest: dict[str, Block] = {}
    for block in blocks:
        if block.unit in units and not block.is_closure and block.ends_at <= moment:
            if block.unit not in nearest or block.ends_at > nearest[block.unit].ends_at:
                nearest[block.unit] = block
    return list(nearest.values())


def next_bookings(blocks: Iterable[Block], units: list[str], moment: datetime) -> list[Block]:
    """Per unit, the booking whose hold starts first at or after ``moment``."""
    nearest: dict[str, Block] = {}
    for block in blocks:
        if block.unit in units and not block.is_closure and block.starts_at >= moment:
            if block.unit not in nearest or block.starts_at < nearest[block.unit].starts_at:
                nearest[block.unit] = block
    return list(nearest.values())


def setup_after(space: Space, layout: str, previous: Iterable[Block], venue: VenueInfo) -> timedelta:
    changeovers = [timedelta(minutes=venue.changeover.minutes(b.layout or layout, layout)) for b in previous]
    return max([space.setup, *changeovers])


def teardown_before(space: Space, layout: str, following: Iterable[Block], venue: VenueInfo) -> timedelta:
    shortfalls = [
        timedelta(minutes=venue.changeover.minutes(layout, b.layout or layout)) - b.setup_held
        for b in following
    ]
    return space.teardown + max([timedelta(), *shortfalls])


def hold_for(
    space: Space, layout: str, starts_at: datetime, ends_at: datetime, blocks: list[Block], venue: VenueInfo
) -> Interval:
    """The interval the booking blocks, given the holds around it (read under the calendar lock)."""
    setup = setup_after(space, layout, previous_bookings(blocks, space.units, starts_at), venue)
    teardown = teardown_before(space, layout, next_bookings(blocks, space.units, ends_at), venue)
    return Interval(starts_at - setup, ends_at + teardown)


def closures_hit(hold: Interval, units: list[str], blocks: Iterable[Block]) -> list[Block]:
    """The closures (one block each) that overlap ``hold`` on any of ``units``."""
    hit: dict[object, Block] = {}
    for block in blocks:
        if block.is_closure and block.unit in units:
            if block.starts_at < hold.ends_at and hold.starts_at < block.ends_at:
                hit.setdefault(block.closure_id, block)
    return sorted(hit.values(), key=lambda block: block.starts_at)
