"""Use cases of recurring series: preview one, make one (all or nothing, or skipping conflicts), read one.

Every occurrence goes through the booking's own rules and hold (``handlers.booking``): the same
checks, closures, changeovers, network lines and exclusion constraint, and its own saga. A series
takes the calendar keys of all its occurrences first, in the one order single bookings use, then
holds each occurrence in a savepoint: a refused one is undone alone, before anything is published.
A preview runs exactly that and rolls back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain.access import Principal
from services.venue.domain.booking import Interval, check
from services.venue.domain.catalog import Catalog, Space
from services.venue.domain.changeover import margin
from services.venue.domain.commands import NewBooking
from services.venue.domain.series import Occurrence, Recurrence
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.booking import Overlap, booking_row, hold, start
from services.venue.handlers.errors import InvalidBooking, NotFound
from shared.telemetry import trace_id_hex


@dataclass(frozen=True)
class SeriesRequest:
    first: NewBooking  # the first occurrence, as POST /bookings would take it
    recurrence: Recurrence
    mode: str  # all_or_nothing | skip_conflicts
    time_zone: str  # the zone the rule was expanded in (the venue's)


@dataclass(frozen=True)
class Outcome:
    """One occurrence: its booking and first status, or why it cannot be held (``conflict`` says what
    kind: rule, closed, taken, network_lines, quote)."""

    occurrence: Occurrence
    booking_id: uuid.UUID | None = None
    status: str | None = None
    reason: str | None = None
    conflict: str | None = None

    @property
    def free(self) -> bool:
        return self.reason is None


class SeriesRefused(Exception):
    """All or nothing, and something conflicts (or nothing is free): nothing was held."""

    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__("the series conflicts")
        self.outcomes = outcomes


class _Preview(Exception):
    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__("preview")
        self.outcomes = outcomes


async def preview_series(
    database: VenueDatabase, request: SeriesRequest, catalog: Catalog, settings: SagaSettings, now: datetime
) -> list[Outcome]:
    """Each occurrence free or conflicting (and why), as making the series now would find; nothing kept."""
    try:
        async with database.transaction() as unit:
            outcomes = await _place(unit, request, uuid.uuid4(), catalog, settings, now)
            raise _Preview(outcomes)  # undoes everything: nothing is held or published
    except _Preview as preview:
        return preview.outcomes


async def create_series(
    database: VenueDatabase, request: SeriesRequest, catalog: Catalog, settings: SagaSettings, now: datetime
) -> tuple[uuid.UUID, list[Outcome]]:
    """Hold every free occurrence, each a booking with its saga; SeriesRefused (nothing held) when all
    or nothing meets a conflict, or when no occurrence is free."""
    series_id = uuid.uuid4()
    async with database.transaction() as unit:
        outcomes = await _place(unit, request, series_id, catalog, settings, now)
        refused = [outcome for outcome in outcomes if not outcome.free]
        if len(refused) == len(outcomes) or (refused and request.mode == "all_or_nothing"):
            raise SeriesRefused(outcomes)
        await unit.series.add_occurrences(series_id, [_occurrence_row(outcome) for outcome in outcomes])
    return series_id, outcomes


async def _place(
    unit: VenueUnit,
    request: SeriesRequest,
    series_id: uuid.UUID,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> list[Outcome]:
    first = request.first
    space = catalog.space(first.request.space_id)
    assert space is not None, "the first occurrence was checked"
    await unit.series.insert(_series_row(series_id, request, space))
    width = margin(catalog)
    windows = [Interval(o.starts_at - width, o.ends_at + width) for o in request.recurrence.occurrences]
    await unit.calendar.lock_for_holds(space.units, windows)
    return [
        await _place_one(unit, occurrence, first, series_id, space, catalog, settings, now)
        for occurrence in request.recurrence.occurrences
    ]


async def _place_one(
    unit: VenueUnit,
    occurrence: Occurrence,
    first: NewBooking,
    series_id: uuid.UUID,
    space: Space,
    catalog: Catalog,
    settings: SagaSettings,
    now: datetime,
) -> Outcome:
    wanted = replace(first.request, starts_at=occurrence.starts_at, ends_at=occurrence.ends_at)
    command = replace(first, request=wanted)
    if violations := check(wanted, catalog, now):
        return Outcome(occurrence, reason=_reasons(violations), conflict="rule")
    row = booking_row(command, uuid.uuid4(), space, None, series_id)
    try:
        async with unit.savepoint():
            await hold(unit, command, row, space, catalog, now)
    except InvalidBooking as refused:
        return Outcome(occurrence, reason=_reasons(refused.violations), conflict=_kind(refused))
    except Overlap:
        reason = f"{space.id} is held then by another booking (setup and teardown included)"
        return Outcome(occurrence, reason=reason, conflict="taken")
    status = await start(unit, command, row, space, catalog, settings, now, None)
    return Outcome(occurrence, booking_id=row["id"], status=status)


def _reasons(violations: list[Any]) -> str:
    return "; ".join(f"{v.field}: {v.reason}" for v in violations)


def _kind(refused: InvalidBooking) -> str:
    fields = {violation.field for violation in refused.violations}
    return "network_lines" if "network_lines" in fields else "quote" if "quote_id" in fields else "closed"


def _series_row(series_id: uuid.UUID, request: SeriesRequest, space: Space) -> dict[str, Any]:
    first = request.first
    return {
        "id": series_id,
        "organizer_id": first.organizer_id,
        "created_by": first.actor,
        "rrule": request.recurrence.rule,
        "time_zone": request.time_zone,
        "mode": request.mode,
        "space_id": space.id,
        "title": first.title,
        "trace_id": trace_id_hex(),
    }


def _occurrence_row(outcome: Outcome) -> dict[str, Any]:
    return {
        "position": outcome.occurrence.position,
        "starts_at": outcome.occurrence.starts_at,
        "ends_at": outcome.occurrence.ends_at,
        "booking_id": outcome.booking_id,
        "reason": outcome.reason,
        "conflict": outcome.conflict,
    }


async def series_of(
    database: VenueDatabase, principal: Principal, series_id: uuid.UUID
) -> tuple[Any, list[Any]]:
    """The series and its occurrences (with their bookings now); NotFound if it is not the caller's."""
    async with database.autocommit() as unit:
        series = await unit.series.get(series_id)
        if series is None or not principal.may_see(series["organizer_id"]):
            raise NotFound(f"series {series_id} does not exist")
        return series, await unit.series.occurrences(series_id)
