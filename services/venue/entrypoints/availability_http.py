"""Availability over HTTP, and the zone and error helpers closures share. Thin: decode, call a use case
in services/venue/spaces.py, encode."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from litestar import Controller, Request, get
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

from services.venue import spaces
from services.venue.domain.access import Principal
from services.venue.domain.availability import Query, SpaceWindows
from services.venue.domain.capacity import FloorNeeds
from services.venue.domain.catalog import Catalog
from services.venue.domain.schedule import parse_duration, parse_moment
from services.venue.entrypoints.auth import authenticate
from services.venue.entrypoints.availability_schemas import (
    Availability,
    FreeTimes,
    FreeWindow,
    SpaceAvailability,
)
from services.venue.entrypoints.schemas import Window
from shared.http.problems import ApiError, FieldError
from shared.service import Context

Zones = dict[str, ZoneInfo]


async def optional_principal(
    request: Request[Any, Any, Any], context: NamedDependency[Context]
) -> Principal | None:
    """The caller if an API key is sent (401 if it is bad); None for anonymous public reads."""
    return await authenticate(request, context) if "authorization" in request.headers else None


def viewer_zones(catalog: Catalog, viewer: Principal | None, time_zone: str | None) -> Zones:
    """The venue's zone and the organizer's (asked for, else the caller's, else the venue's)."""
    name = time_zone or (viewer.time_zone if viewer else catalog.venue.time_zone)
    try:
        return {"venue": catalog.venue.zone, "organizer": ZoneInfo(name)}
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid([("time_zone", f"unknown IANA time zone {name!r}")]) from None


def invalid(rules: list[tuple[str, str]]) -> ApiError:
    return ApiError(
        422,
        "The request breaks a venue rule",
        "; ".join(f"{field}: {reason}" for field, reason in rules),
        [FieldError(field, reason) for field, reason in rules],
    )


def local_window(starts_at: datetime, ends_at: datetime, zones: Zones) -> dict[str, Window]:
    return {
        name: Window(starts_at=starts_at.astimezone(zone), ends_at=ends_at.astimezone(zone))
        for name, zone in zones.items()
    }


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
            str, QueryParameter(name="from", max_length=40, description="ISO date (venue day) or datetime")
        ],
        to: Annotated[
            str, QueryParameter(max_length=40, description="ISO date (included) or datetime; ≤ 92 days on")
        ],
        attendees: Annotated[int, QueryParameter(ge=1, le=10000)],
        layout: Annotated[str, QueryParameter(min_length=1, max_length=32)],
        duration: Annotated[
            str, QueryParameter(max_length=32, description="ISO 8601 (PT4H, P2DT4H) or minutes")
        ],
        languages: Annotated[
            int, QueryParameter(ge=0, le=8, description="target languages: a booth each")
        ] = 0,
        buffet_guests: Annotated[int, QueryParameter(ge=0, le=5000)] = 0,
        space_id: Annotated[str | None, QueryParameter(required=False, max_length=64)] = None,
        time_zone: Annotated[str | None, QueryParameter(required=False, max_length=64)] = None,
    ) -> Availability:
        """Free windows of every space seating ``attendees`` net (mobile booths and a buffet take floor),
        within opening hours, on the 30-minute grid, outside holds (with their setup, teardown and layout
        changeover) and closures. A multi-day event is one interval: the space stays blocked overnight;
        the opening hours apply to its start and its end."""
        catalog = context.state["catalog"]
        zones = viewer_zones(catalog, viewer, time_zone)
        query = _query(
            catalog, from_, to, attendees, layout, duration, FloorNeeds(languages, buffet_guests), space_id
        )
        try:
            found = await spaces.availability(query, context.database, catalog, datetime.now(UTC))
        except spaces.InvalidRequest as error:
            raise invalid(error.rules) from None
        return Availability(
            period=Window(starts_at=query.starts_from, ends_at=query.ends_by),
            layout=layout,
            attendees=attendees,
            duration_minutes=int(query.duration.total_seconds() // 60),
            time_zones={name: str(zone) for name, zone in zones.items()},
            spaces=[_space(item, layout, zones) for item in found],
        )


def _query(
    catalog: Catalog,
    from_: str,
    to: str,
    attendees: int,
    layout: str,
    duration: str,
    needs: FloorNeeds,
    space_id: str | None,
) -> Query:
    starts, ends = parse_moment(from_, catalog.venue), parse_moment(to, catalog.venue, end_of_day=True)
    length = parse_duration(duration)
    rules = [
        (field, reason)
        for field, value, reason in (
            ("from", starts, "an ISO date or a datetime with an offset"),
            ("to", ends, "an ISO date or a datetime with an offset"),
            ("duration", length, "an ISO 8601 duration such as PT4H or P2DT4H, or minutes"),
        )
        if value is None
    ]
    if rules or starts is None or ends is None or length is None:
        raise invalid(rules)
    return Query(layout, attendees, length, starts, ends, needs, space_id)


def _space(found: SpaceWindows, layout: str, zones: Zones) -> SpaceAvailability:
    return SpaceAvailability(
        space_id=found.space.id,
        name=found.space.name,
        layout=layout,
        capacity=found.capacity.seats,
        layout_capacity=found.capacity.layout_seats,
        requires_approval=found.space.requires_approval,
        windows=[
            FreeWindow(
                starts_at=w.starts_at,
                latest_start=w.latest_start,
                ends_at=w.ends_at,
                local={
                    name: FreeTimes(
                        starts_at=w.starts_at.astimezone(zone),
                        latest_start=w.latest_start.astimezone(zone),
                        ends_at=w.ends_at.astimezone(zone),
                    )
                    for name, zone in zones.items()
                },
            )
            for w in found.windows
        ],
    )
