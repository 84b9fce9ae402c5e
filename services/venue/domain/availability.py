"""Free windows of every space that fits a request, from the blocked time of the period. Pure.

For each space: the gaps between the holds and closures on its units, narrowed by the setup and
teardown an event there would need (changeover included, as the create path computes it), give
where an event may lie; the starts allowed by the calendar rules (opening hours on the first and
last day, grid, notice, horizon, the asked period) cut them into windows. A window says: any start
from ``starts_at`` to ``latest_start`` on the grid, for the asked duration, can be booked.

The arithmetic runs on epoch seconds (a month of the whole venue is thousands of comparisons);
the changeover rule is the catalog's, the same the create path applies (tests compare both).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from services.venue.domain import intervals, schedule
from services.venue.domain.capacity import FloorNeeds, NetCapacity, net_capacity
from services.venue.domain.catalog import Catalog, Space, VenueInfo
from services.venue.domain.changeover import Block

Span = tuple[int, int]  # epoch seconds

MAX_PERIOD = timedelta(days=92)


@dataclass(frozen=True)
class Query:
    layout: str
    attendees: int
    duration: timedelta
    starts_from: datetime  # events lie within [starts_from, ends_by]
    ends_by: datetime
    needs: FloorNeeds = field(default_factory=FloorNeeds)
    space_id: str | None = None


@dataclass(frozen=True)
class FreeWindow:
    starts_at: datetime
    latest_start: datetime
    ends_at: datetime


@dataclass(frozen=True)
class SpaceWindows:
    space: Space
    capacity: NetCapacity
    windows: list[FreeWindow]


def query_rules(query: Query, catalog: Catalog) -> list[schedule.Rule]:
    venue, rules = catalog.venue, []
    if query.ends_by <= query.starts_from:
        rules.append(("to", "must be after from"))
    elif query.ends_by - query.starts_from > MAX_PERIOD:
        rules.append(("to", f"at most {MAX_PERIOD.days} days after from"))
    step = timedelta(minutes=venue.granularity_minutes)
    if not venue.min_duration <= query.duration <= venue.max_duration:
        rules.append(
            ("duration", f"from {venue.min_duration_minutes} minutes to {venue.max_duration_days} days")
        )
    elif query.duration % step:
        rules.append(("duration", f"a multiple of {venue.granularity_minutes} minutes"))
    if query.space_id is not None and catalog.space(query.space_id) is None:
        rules.append(("space_id", f"unknown space {query.space_id!r}"))
    layouts = sorted({layout for space in catalog.spaces for layout in space.layouts})
    if query.layout not in layouts:
        rules.append(("layout", f"one of {', '.join(layouts)}"))
    return rules


# unit, from, to (epoch seconds), the booking's layout (None: a closure), the setup it holds (seconds)
Busy = tuple[str, int, int, str | None, int]


def busy_times(blocks: list[Block]) -> list[Busy]:
    """Blocks as the arithmetic reads them (an adapter may select these columns directly)."""
    return [
        (b.unit, _seconds(b.starts_at), _seconds(b.ends_at), b.layout, int(b.setup_held.total_seconds()))
        for b in blocks
    ]


def free_windows(
    query: Query, catalog: Catalog, busy: list[Busy], now: datetime, margin: timedelta
) -> list[SpaceWindows]:
    """Each space that seats ``query.attendees`` net, with its free windows (``busy`` covers the period
    widened by ``margin`` on both sides)."""
    venue = catalog.venue
    starts = _allowed_starts(query, venue, now)
    timeline = _Timeline(busy)
    search = (_seconds(query.starts_from - margin), _seconds(query.ends_by + margin))
    duration = int(query.duration.total_seconds())
    found = []
    for space in catalog.spaces:
        capacity = net_capacity(space, query.layout, venue.floor_use, query.needs)
        if capacity is None or capacity.seats < query.attendees or query.space_id not in (None, space.id):
            continue
        zones = timeline.event_zones(space, _Buffers(space, query.layout, venue), search, duration, starts)
        fits = [(start, end - duration) for start, end in zones if end - start >= duration]
        found.append(SpaceWindows(space, capacity, _on_grid(intervals.intersect(fits, starts), query, venue)))
    return found


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())


def _moment(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _allowed_starts(query: Query, venue: VenueInfo, now: datetime) -> list[Span]:
    """Starts in opening hours whose end is in opening hours too, within notice, horizon and period."""
    zone, duration = venue.zone, int(query.duration.total_seconds())
    step = venue.granularity_minutes * 60
    first = query.starts_from.astimezone(zone).date() - timedelta(days=1)
    last = query.ends_by.astimezone(zone).date() + timedelta(days=1)
    days = schedule.opening_times(venue, first - timedelta(days=query.duration.days + 1), last)
    opening = [(_seconds(opens), _seconds(closes)) for opens, closes in days]
    start_in_hours = [(opens, closes - step) for opens, closes in opening]
    end_in_hours = [(opens + step - duration, closes - duration) for opens, closes in opening]
    earliest = _seconds(max(now + venue.min_notice, query.starts_from))
    latest = _seconds(min(now + venue.max_advance, query.ends_by - query.duration))
    both = intervals.intersect(start_in_hours, end_in_hours)
    return intervals.intersect(both, [(earliest, latest)]) if earliest <= latest else []


def _on_grid(spans: list[Span], query: Query, venue: VenueInfo) -> list[FreeWindow]:
    windows = []
    for start, end in spans:
        first = schedule.ceil_to_grid(_moment(start), venue)
        last = schedule.floor_to_grid(_moment(end), venue)
        if first <= last:
            windows.append(FreeWindow(first, last, last + query.duration))
    return windows


class _Buffers:
    """The setup after and the teardown before a neighbour, for one space and layout (seconds)."""

    def __init__(self, space: Space, layout: str, venue: VenueInfo) -> None:
        layouts = {*space.layouts, *(name for pair in venue.changeover.pairs for name in pair.between)}
        self.setup = int(space.setup.total_seconds())
        self.teardown = int(space.teardown.total_seconds())
        self.after = {name: 60 * venue.changeover.minutes(name, layout) for name in layouts}
        self.before = {name: 60 * venue.changeover.minutes(layout, name) for name in layouts}
        self.other = 60 * venue.changeover.default_minutes

    def setup_after(self, previous_layouts: list[str]) -> int:
        return max([self.setup, *(self.after.get(layout, self.other) for layout in previous_layouts)])

    def teardown_before(self, following: list[tuple[int, str, int]]) -> int:
        shortfalls = [self.before.get(layout, self.other) - held for _, layout, held in following]
        return self.teardown + max([0, *shortfalls])


class _Timeline:
    """The busy time of each unit; its bookings sorted to find a gap's neighbours by bisection."""

    def __init__(self, busy: list[Busy]) -> None:
        self.busy: dict[str, list[Span]] = defaultdict(list)
        self.bookings: dict[str, list[Busy]] = defaultdict(list)
        for row in busy:
            self.busy[row[0]].append((row[1], row[2]))
            if row[3] is not None:
                self.bookings[row[0]].append(row)
        # sorted on first use: only the units of a gap that can hold the event need them
        self.by_end: dict[str, list[tuple[int, str]]] = {}
        self.by_start: dict[str, list[tuple[int, str, int]]] = {}
        self.ends: dict[str, list[int]] = {}
        self.starts: dict[str, list[int]] = {}

    def _index(self, unit: str) -> None:
        if unit not in self.ends:
            rows = self.bookings.get(unit, [])
            self.by_end[unit] = sorted((end, layout or "") for _, _, end, layout, _ in rows)
            self.by_start[unit] = sorted((start, layout or "", held) for _, start, _, layout, held in rows)
            self.ends[unit] = [end for end, _ in self.by_end[unit]]
            self.starts[unit] = [start for start, _, _ in self.by_start[unit]]

    def event_zones(
        self, space: Space, buffers: _Buffers, search: Span, duration: int, starts: list[Span]
    ) -> list[Span]:
        """Where an event may lie in each gap: after the setup, before the teardown it needs there.
        Gaps where no allowed start (``starts``: sorted, disjoint) could lie even with the space's
        least setup and teardown are skipped before their neighbours are looked up: most gaps of a
        busy month are nights and short breaks, and the windows they would give are empty anyway."""
        busy = intervals.union(span for unit in space.units for span in self.busy[unit])
        zones = []
        start_ends = [end for _, end in starts]
        for gap_start, gap_end in intervals.gaps(busy, search):
            # every start this gap can give lies in [first, last] (setup_after >= setup, teardown_before
            # >= teardown): skip it unless an allowed start span meets that range
            first, last = gap_start + buffers.setup, gap_end - buffers.teardown - duration
            if first > last:
                continue
            index = bisect_left(start_ends, first)
            if index == len(starts) or starts[index][0] > last:
                continue
            start = gap_start + buffers.setup_after(self._previous(space.units, gap_start))
            end = gap_end - buffers.teardown_before(self._following(space.units, gap_end))
            if start <= end:
                zones.append((start, end))
        return zones

    def _previous(self, units: list[str], moment: int) -> list[str]:
        """Per unit, the layout of the booking whose hold ends last at or before ``moment``."""
        found = []
        for unit in units:
            self._index(unit)
            index = bisect_right(self.ends[unit], moment)
            if index:
                found.append(self.by_end[unit][index - 1][1])
        return found

    def _following(self, units: list[str], moment: int) -> list[tuple[int, str, int]]:
        """Per unit, the booking whose hold starts first at or after ``moment``."""
        found = []
        for unit in units:
            self._index(unit)
            starts = self.starts[unit]
            index = bisect_left(starts, moment)
            if index < len(starts):
                found.append(self.by_start[unit][index])
        return found
