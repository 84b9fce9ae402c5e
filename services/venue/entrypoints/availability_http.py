"""Availability and closures over HTTP. Thin: decode, call a use case in services/venue/spaces.py, encode."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from litestar import Controller, Request, Response, delete, get, post
from litestar.di import NamedDependency, Provide
from litestar.openapi import ResponseSpec
from litestar.params import Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from services.venue import spaces
from services.venue.domain.access import Principal, Role
from services.venue.domain.availability import Query, SpaceWindows
from services.venue.domain.booking import Interval
from services.venue.domain.capacity import FloorNeeds
from services.venue.domain.catalog import Catalog
from services.venue.domain.schedule import parse_duration, parse_moment
from services.venue.entrypoints.auth import authenticate, require
from services.venue.entrypoints.availability_schemas import (
    Availability,
    BookingHit,
    Closure,
    ClosureAnswer,
    ClosureCreate,
    FreeTimes,
    FreeWindow,
    SpaceAvailability,
)
from services.venue.entrypoints.schemas import Window
from shared.http.problems import ApiError, FieldError
from shared.service import Context

Zones = dict[str, ZoneInfo]


async def optional_principal(request: Request[Any, Any, Any], context: Context) -> Principal | None:
    """The caller if an API key is sent (401 if it is bad); None for anonymous public reads."""
    return await authenticate(request, context) if "authorization" in request.headers else None


def _zones(catalog: Catalog, viewer: Principal | None, time_zone: str | None) -> Zones:
    """The venue's zone and the organizer's (asked for, else the caller's, else the venue's)."""
    name = time_zone or (viewer.time_zone if viewer else catalog.venue.time_zone)
    try:
        return {"venue": catalog.venue.zone, "organizer": ZoneInfo(name)}
    except (ZoneInfoNotFoundError, ValueError):
        raise _invalid([("time_zone", f"unknown IANA time zone {name!r}")]) from None


def _invalid(rules: list[tuple[str, str]]) -> ApiError:
    return ApiError(
        422,
        "The request breaks a venue rule",
        "; ".join(f"{field}: {reason}" for field, reason in rules),
        [FieldError(field, reason) for field, reason in rules],
    )


def _local(starts_at: datetime, ends_at: datetime, zones: Zones) -> dict[str, Window]:
    return {
        name: Window(starts_at=starts_at.astimezone(zone), ends_at=ends_at.astimezone(zone))
        for name, zone in zones.items()
    }


def _closure(row: Any, zones: Zones) -> Closure:
    return Closure(
        closure_id=row["id"], space_id=row["space_id"], starts_at=row["starts_at"], ends_at=row["ends_at"],
        reason=row["reason"], local=_local(row["starts_at"], row["ends_at"], zones),
    )  # fmt: skip


def _hit(row: Any) -> BookingHit:
    return BookingHit(
        booking_id=row["id"], organizer_id=row["organizer_id"], space_id=row["space_id"], status=row["status"],
        title=row["title"], starts_at=row["starts_at"], ends_at=row["ends_at"],
        blocked=Window(starts_at=row["blocked_from"], ends_at=row["blocked_to"]),
    )  # fmt: skip


class ClosuresController(Controller):
    path = "/closures"
    tags = ["closures"]
    dependencies = {"principal": Provide(authenticate), "viewer": Provide(optional_principal)}

    @post(
        "/",
        operation_id="CreateClosure",
        status_code=HTTP_201_CREATED,
        responses={200: ResponseSpec(ClosureAnswer, description="dry run: only the bookings it would hit")},
    )
    async def create(
        self,
        data: ClosureCreate,
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
        dry_run: Annotated[bool, Parameter(query="dry_run", required=False)] = False,
    ) -> Response[ClosureAnswer]:
        """Close a space or the whole venue (staff); new bookings meeting it are refused, and the
        bookings already held then are listed (not cancelled). ``?dry_run=true`` only lists them."""
        require(principal, Role.STAFF)
        catalog = context.state["catalog"]
        command = spaces.NewClosure(
            space_id=data.space_id, starts_at=data.starts_at, ends_at=data.ends_at, reason=data.reason,
            actor=principal.actor, account_id=principal.account_id,
        )  # fmt: skip
        try:
            outcome = await spaces.close(command, context.database, catalog, dry_run)
        except spaces.InvalidRequest as error:
            raise _invalid(error.rules) from None
        zones = _zones(catalog, principal, None)
        closure = None
        if outcome.closure_id is not None:
            closure = Closure(
                closure_id=outcome.closure_id, space_id=data.space_id, starts_at=data.starts_at,
                ends_at=data.ends_at, reason=data.reason, local=_local(data.starts_at, data.ends_at, zones),
            )  # fmt: skip
        answer = ClosureAnswer(
            dry_run=dry_run, closure=closure, units=outcome.units, hits=[_hit(row) for row in outcome.hits]
        )
        headers = {"Location": f"/closures/{outcome.closure_id}"} if closure else {}
        return Response(answer, status_code=HTTP_200_OK if dry_run else HTTP_201_CREATED, headers=headers)

    @get("/", operation_id="ListClosures")
    async def list_closures(
        self,
        context: NamedDependency[Context],
        viewer: NamedDependency[Principal | None],
        from_: Annotated[str | None, Parameter(query="from", required=False, max_length=40)] = None,
        to: Annotated[str | None, Parameter(required=False, max_length=40)] = None,
        time_zone: Annotated[str | None, Parameter(required=False, max_length=64)] = None,
    ) -> list[Closure]:
        """Closures and blackouts (public): when, where, why. Default: from now on."""
        catalog = context.state["catalog"]
        now = datetime.now(UTC)
        starts = parse_moment(from_, catalog.venue) if from_ else now
        ends = parse_moment(to, catalog.venue, end_of_day=True) if to else now + timedelta(days=3 * 366)
        if starts is None or ends is None:
            raise _invalid([("from" if starts is None else "to", "an ISO date or a datetime with an offset")])
        zones = _zones(catalog, viewer, time_zone)
        rows = await spaces.closures_during(context.database, Interval(starts, ends))
        return [_closure(row, zones) for row in rows]

    @delete("/{closure_id:uuid}", operation_id="DeleteClosure")
    async def remove(
        self, closure_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> None:
        """Reopen: delete a closure (staff)."""
        require(principal, Role.STAFF)
        if not await spaces.reopen(closure_id, context.database, principal.actor):
            raise ApiError(404, "No such closure", f"closure {closure_id} does not exist")


class AvailabilityController(Controller):
    path = "/availability"
    tags = ["availability"]
    dependencies = {"viewer": Provide(optional_principal)}

    @get("/", operation_id="GetAvailability")
    async def availability(
        self,
        context: NamedDependency[Context],
        viewer: NamedDependency[Principal | None],
        from_: Annotated[
            str, Parameter(query="from", max_length=40, description="ISO date (venue day) or datetime")
        ],
        to: Annotated[
            str, Parameter(max_length=40, description="ISO date (included) or datetime; ≤ 92 days on")
        ],
        attendees: Annotated[int, Parameter(ge=1, le=10000)],
        layout: Annotated[str, Parameter(min_length=1, max_length=32)],
        duration: Annotated[str, Parameter(max_length=32, description="ISO 8601 (PT4H, P2DT4H) or minutes")],
        languages: Annotated[int, Parameter(ge=0, le=8, description="target languages: a booth each")] = 0,
        buffet_guests: Annotated[int, Parameter(ge=0, le=5000)] = 0,
        space_id: Annotated[str | None, Parameter(required=False, max_length=64)] = None,
        time_zone: Annotated[str | None, Parameter(required=False, max_length=64)] = None,
    ) -> Availability:
        """Free windows of every space seating ``attendees`` net (mobile booths and a buffet take floor),
        within opening hours, on the 30-minute grid, outside holds (with their setup, teardown and layout
        changeover) and closures. A multi-day event is one interval: the space stays blocked overnight;
        the opening hours apply to its start and its end."""
        catalog = context.state["catalog"]
        zones = _zones(catalog, viewer, time_zone)
        query = _query(
            catalog, from_, to, attendees, layout, duration, FloorNeeds(languages, buffet_guests), space_id
        )
        try:
            found = await spaces.availability(query, context.database, catalog, datetime.now(UTC))
        except spaces.InvalidRequest as error:
            raise _invalid(error.rules) from None
        return Availability(
            period=Window(starts_at=query.starts_from, ends_at=query.ends_by), layout=layout, attendees=attendees,
            duration_minutes=int(query.duration.total_seconds() // 60),
            time_zones={name: str(zone) for name, zone in zones.items()},
            spaces=[_space(item, layout, zones) for item in found],
        )  # fmt: skip


def _query(
    catalog: Catalog, from_: str, to: str, attendees: int, layout: str, duration: str, needs: FloorNeeds,
    space_id: str | None,
) -> Query:  # fmt: skip
    starts, ends = parse_moment(from_, catalog.venue), parse_moment(to, catalog.venue, end_of_day=True)
    length = parse_duration(duration)
    rules = [(field, reason) for field, value, reason in (
        ("from", starts, "an ISO date or a datetime with an offset"),
        ("to", ends, "an ISO date or a datetime with an offset"),
        ("duration", length, "an ISO 8601 duration such as PT4H or P2DT4H, or minutes"),
    ) if value is None]  # fmt: skip
    if rules or starts is None or ends is None or length is None:
        raise _invalid(rules)
    return Query(layout, attendees, length, starts, ends, needs, space_id)


def _space(found: SpaceWindows, layout: str, zones: Zones) -> SpaceAvailability:
    return SpaceAvailability(
        space_id=found.space.id, name=found.space.name, layout=layout, capacity=found.capacity.seats,
        layout_capacity=found.capacity.layout_seats, requires_approval=found.space.requires_approval,
        windows=[
            FreeWindow(
                starts_at=w.starts_at, latest_start=w.latest_start, ends_at=w.ends_at,
                local={name: FreeTimes(starts_at=w.starts_at.astimezone(zone),
                                       latest_start=w.latest_start.astimezone(zone),
                                       ends_at=w.ends_at.astimezone(zone))
                       for name, zone in zones.items()},
            )
            for w in found.windows
        ],
    )  # fmt: skip
