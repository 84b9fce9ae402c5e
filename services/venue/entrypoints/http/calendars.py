"""Calendars: a booking as an .ics file, and a subscribable busy-time feed per space."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from litestar import Controller, Response, get
from litestar.di import Provide

from services.venue.domain.access import Principal
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.handlers.calendars import booking_calendar, space_feed
from shared.http.api_docs import PUBLIC

TEXT_CALENDAR = "text/calendar; charset=utf-8"


class BookingCalendarController(Controller):
    path = "/bookings"
    tags = ["calendars"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @get("/{booking_id:uuid}/calendar.ics", operation_id="GetBookingCalendar", media_type=TEXT_CALENDAR)
    async def booking(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> Response[str]:
        """The booking as an iCalendar event (status TENTATIVE, CONFIRMED or CANCELLED)."""
        text = await booking_calendar(deps.database, principal, deps.catalog, booking_id, datetime.now(UTC))
        return Response(
            text,
            media_type=TEXT_CALENDAR,
            headers={"Content-Disposition": f'attachment; filename="booking-{booking_id}.ics"'},
        )


class SpaceCalendarController(Controller):
    path = "/spaces"
    security = PUBLIC
    tags = ["calendars"]
    exception_handlers = REFUSALS

    @get("/{space_id:str}/calendar.ics", operation_id="GetSpaceCalendar", media_type=TEXT_CALENDAR)
    async def space(self, space_id: str, deps: VenueDependencies) -> Response[str]:
        """A space's busy times for the next 12 months, setup and teardown included (public, no titles)."""
        text = await space_feed(deps.database, deps.catalog, space_id, datetime.now(UTC))
        return Response(text, media_type=TEXT_CALENDAR, headers={"Cache-Control": "public, max-age=300"})
