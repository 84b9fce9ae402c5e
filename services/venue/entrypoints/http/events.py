"""The public "what's on" list over HTTP (no sign-in) and an organizer marking a booking public."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from litestar import Controller, get, put
from litestar.di import Provide
from litestar.params import QueryParameter

from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import Interval
from services.venue.domain.schedule import parse_moment
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.booking_requests import visible_booking
from services.venue.entrypoints.http.zones import invalid
from services.venue.entrypoints.schemas.common import Window
from services.venue.entrypoints.schemas.events import BookingPublicity, PublicEvent, Publicity
from services.venue.handlers import public_events
from shared.http.api_docs import PUBLIC
from shared.http.problems import ApiError

DEFAULT_DAYS = 31
MAX_DAYS = 92


class EventsController(Controller):
    path = "/events"
    security = PUBLIC
    tags = ["calendars"]

    @get("/", operation_id="ListPublicEvents")
    async def list_events(
        self,
        deps: VenueDependencies,
        from_: Annotated[str | None, QueryParameter(name="from", required=False, max_length=40)] = None,
        to: Annotated[str | None, QueryParameter(required=False, max_length=40)] = None,
    ) -> list[PublicEvent]:
        """What's on (public, no sign-in): confirmed bookings their organizers made public, with title,
        space and times only. Default: the next 31 days; a window of at most 92 days."""
        catalog = deps.catalog
        starts = parse_moment(from_, catalog.venue) if from_ else datetime.now(UTC)
        if starts is None:
            raise invalid([("from", "an ISO date or a datetime with an offset")])
        ends = (
            parse_moment(to, catalog.venue, end_of_day=True) if to else starts + timedelta(days=DEFAULT_DAYS)
        )
        if ends is None:
            raise invalid([("to", "an ISO date or a datetime with an offset")])
        if not starts < ends <= starts + timedelta(days=MAX_DAYS):
            raise invalid([("to", f"after from, and at most {MAX_DAYS} days after it")])
        rows = await public_events.events_during(deps.database, Interval(starts, ends))
        zone = catalog.venue.zone
        return [
            PublicEvent(
                title=row["title"],
                space_id=row["space_id"],
                space_name=space.name
                if (space := catalog.space(row["space_id"]))
                else {"en": row["space_id"]},
                starts_at=row["starts_at"],
                ends_at=row["ends_at"],
                local=Window(
                    starts_at=row["starts_at"].astimezone(zone), ends_at=row["ends_at"].astimezone(zone)
                ),
            )
            for row in rows
        ]


class PublicityController(Controller):
    path = "/bookings"
    tags = ["calendars"]
    dependencies = {"principal": Provide(authenticate)}

    @put("/{booking_id:uuid}/public", operation_id="SetBookingPublic", status_code=200)
    async def set_public(
        self, booking_id: uuid.UUID, data: BookingPublicity, deps: VenueDependencies, principal: Principal
    ) -> Publicity:
        """Show a booking in the public "what's on" list (title, space and times, once confirmed) or
        hide it again; bookings are private unless their organizer (or staff) says so."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await visible_booking(deps, principal, booking_id)
        if not await public_events.mark_public(deps.database, booking_id, data.public, principal.actor):
            raise ApiError(404, "No such booking", f"booking {booking_id} does not exist")
        return Publicity(booking_id=booking_id, public=data.public)
