"""Availability over HTTP: the free windows of every space that fits. Thin: decode, call the use case
in ``handlers/availability.py``, encode."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from litestar import Controller, get
from litestar.di import Provide
from litestar.params import QueryParameter

from services.venue.domain.access import Principal
from services.venue.domain.availability import Query, SpaceWindows
from services.venue.domain.capacity import FloorNeeds
from services.venue.domain.catalog import Catalog
from services.venue.domain.schedule import parse_duration, parse_moment
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import optional_principal
from services.venue.entrypoints.http.zones import Zones, invalid, viewer_zones
from services.venue.entrypoints.schemas.availability import (
    Availability,
    FreeTimes,
    FreeWindow,
    SpaceAvailability,
)
from services.venue.entrypoints.schemas.common import Window
from services.venue.handlers.availability import availability as free_windows
from services.venue.handlers.errors import InvalidRequest
from shared.http.api_docs import OPTIONAL_CREDENTIAL


class AvailabilityController(Controller):
    path = "/availability"
    security = OPTIONAL_CREDENTIAL
    tags = ["availability"]
    dependencies = {"viewer": Provide(optional_principal)}

    @get("/", operation_id="GetAvailability")
    async def availability(
        self,
        deps: VenueDependencies,
        viewer: Principal | None,
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
        catalog = deps.catalog
        zones = viewer_zones(catalog, viewer, time_zone)
        query = _query(
            catalog, from_, to, attendees, layout, duration, FloorNeeds(languages, buffet_guests), space_id
        )
        try:
            found = await free_windows(query, deps.database, catalog, datetime.now(UTC))
        except InvalidRequest as error:
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
