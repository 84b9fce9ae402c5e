"""The door over HTTP (staff): scan a pass (201 the first time; 409 with when, where and by whom on a
second scan), register a walk-in, and the live counts per event and hall (organizers: their own events).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import Provide
from litestar.params import Parameter

from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import VENUE_YEARS
from services.venue.domain.registration import Registration
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.bookings import IdempotencyKey
from services.venue.entrypoints.http.documented import refusals
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.checkin import (
    CheckIn,
    CheckInCount,
    CheckInCounts,
    CheckInCreate,
    WalkInCreate,
)
from services.venue.handlers import checkin, walk_ins
from services.venue.handlers.errors import AlreadyCheckedIn
from shared.http.problems import ApiError, FieldError, Problem, on_api_error
from shared.telemetry import trace_id_hex

STAFF = (Role.STAFF, Role.OPS)
EARLIEST_DAY, LATEST_DAY = date(VENUE_YEARS.start, 1, 1), date(VENUE_YEARS.stop - 1, 12, 31)


def space_name(deps: VenueDependencies, space_id: str) -> str:
    space = deps.catalog.space(space_id)
    return space.name.get("en", space_id) if space else space_id


def _known_space(deps: VenueDependencies, space_id: str) -> None:
    if deps.catalog.space(space_id) is None:
        reason = "is not one of the venue's spaces"
        raise ApiError(
            422, "The request breaks a venue rule", f"space_id: {reason}", [FieldError("space_id", reason)]
        )


def _second_scan(request: Request[Any, Any, Any], error: AlreadyCheckedIn) -> Response[Problem]:
    deps: VenueDependencies = request.app.state.context.deps
    where = space_name(deps, error.space)
    at = msgspec.json.encode(error.at).decode().strip('"')  # as every answer writes a time
    detail = f"already checked in at {at} in {where}"
    problem = ApiError(
        409,
        "Already checked in",
        detail,
        checked_in_at=at,
        checked_in_space=where,
        checked_in_space_id=error.space,
        by=error.by,
    )
    return on_api_error(request, problem)


async def _shown(deps: VenueDependencies, door: Any) -> CheckIn:
    row = await walk_ins.at_door(deps.database, door.registration_id)
    return CheckIn(
        registration_id=door.registration_id,
        booking_id=door.booking_id,
        full_name=row["full_name"],
        nationality=row["nationality"],
        event_title=row["title"],
        needs=row["needs"],
        needs_note=row["needs_note"],
        checked_in_at=door.checked_in_at,
        checked_in_space=space_name(deps, door.checked_in_space),
    )


class CheckInsController(Controller):
    path = "/staff"
    tags = ["door"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = {**REFUSALS, AlreadyCheckedIn: _second_scan}

    @post(
        "/check-ins",
        operation_id="CheckInGuest",
        status_code=201,
        responses=refusals(
            e404="no such pass (or withdrawn)",
            e409="a second scan (`checked_in_at`, `checked_in_space`, `by`), or the event is not on now",
            e422="not a pass: the check character does not match",
        ),
    )
    async def check_in(self, data: CheckInCreate, deps: VenueDependencies, principal: Principal) -> CheckIn:
        """Scan a guest's pass at a hall's door: the first scan checks in; a second says when, where and by whom."""
        require(principal, *STAFF)
        _known_space(deps, data.space_id)
        door = await checkin.check_in(
            deps.database, principal, data.code, data.space_id, datetime.now(UTC), trace_id_hex()
        )
        return await _shown(deps, door)

    @post(
        "/walk-ins",
        operation_id="RegisterWalkIn",
        status_code=201,
        responses=refusals(e404="no such booking", e409="the event is not on now", e422="a rule"),
    )
    async def walk_in(
        self,
        data: WalkInCreate,
        deps: VenueDependencies,
        principal: Principal,
        idempotency_key: IdempotencyKey = None,
    ) -> CheckIn:
        """Register a guest at the door and check them in at once (consent shown on the door's tablet)."""
        require(principal, *STAFF)
        _known_space(deps, data.space_id)
        wanted = Registration(
            full_name=data.full_name,
            nationality=data.nationality,
            email=data.email or "",
            locale=data.locale,
            consent_version=data.consent_version,
            phone=data.phone,
            needs=tuple(data.needs),
            needs_note=data.needs_note,
        )
        door = await walk_ins.register_walk_in(
            deps.database,
            deps.consent,
            principal,
            data.booking_id,
            data.space_id,
            wanted,
            datetime.now(UTC),
            trace_id_hex(),
        )
        return await _shown(deps, door)

    @get("/check-ins/counts", operation_id="GetCheckInCounts")
    async def counts(
        self,
        deps: VenueDependencies,
        principal: Principal,
        day: Annotated[date | None, Parameter(query="date", description="venue time; default today")] = None,
    ) -> CheckInCounts:
        """Per event of the day and per hall: registered, checked in, walk-ins (organizers: their own events)."""
        require(principal, Role.ORGANIZER, *STAFF)
        zone = ZoneInfo(deps.config.letter_time_zone)
        wanted = day or datetime.now(zone).date()
        if not EARLIEST_DAY <= wanted <= LATEST_DAY:
            reason = f"must be between {EARLIEST_DAY} and {LATEST_DAY}"
            raise ApiError(400, "Invalid query parameter", f"date: {reason}", [FieldError("date", reason)])
        rows = await walk_ins.live_counts(deps.database, principal, wanted, zone)
        return CheckInCounts(
            date=wanted,
            counts=[
                CheckInCount(
                    booking_id=row["booking_id"],
                    event_title=row["title"],
                    space_id=row["space"],
                    registered=row["registered"],
                    checked_in=row["checked_in"],
                    walk_ins=row["walk_ins"],
                )
                for row in rows
            ],
        )
