"""Option holds over HTTP: place one, convert it into a booking, set its expiry (staff)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

import msgspec
from litestar import Controller, Response, patch, post
from litestar.di import Provide
from litestar.params import Parameter

from services.venue.domain.access import Principal, Role
from services.venue.domain.settings import option_until
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.booking_requests import (
    booking_errors,
    new_booking,
    organizer_for,
    visible_booking,
)
from services.venue.entrypoints.http.bookings import IdempotencyKey
from services.venue.entrypoints.schemas.bookings import BookingAccepted, BookingCreate
from services.venue.entrypoints.schemas.holds import OptionConvert, OptionExpiry
from services.venue.handlers.booking import create_booking
from services.venue.handlers.errors import OptionNotConvertible
from services.venue.handlers.options import convert_option, set_option_expiry
from shared.http.problems import ApiError, FieldError


def no_services(data: BookingCreate) -> None:
    """An option (and a waitlist entry) holds the space only: services come with the conversion."""
    for field in ("interpreting", "catering"):
        if getattr(data, field) is not None:
            raise ApiError(
                422, "An option holds the space only", "", [FieldError(field, "add it when converting")]
            )


class HoldsController(Controller):
    path = "/"
    tags = ["holds and waitlist"]
    dependencies = {"principal": Provide(authenticate)}

    @post("/holds", operation_id="PlaceOption", status_code=201)
    async def place_option(
        self,
        data: BookingCreate,
        deps: VenueDependencies,
        principal: Principal,
        days: Annotated[int | None, Parameter(ge=1, le=30, required=False)] = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[BookingAccepted]:
        """Hold a space for some days (default 7) without services; convert it or let it expire."""
        no_services(data)
        organizer = await organizer_for(data, principal, deps)
        now = datetime.now(UTC)
        until = option_until(now, data.starts_at, days or deps.config.option_days)
        command = new_booking(data, organizer, principal, idempotency_key)
        with booking_errors():
            accepted = await create_booking(
                command, deps.database, deps.catalog, deps.saga, now, option_until=until
            )
        body = BookingAccepted(
            booking_id=accepted.booking_id, status=accepted.status, trace_id=accepted.trace_id
        )
        return Response(body, status_code=201, headers={"Location": f"/bookings/{accepted.booking_id}"})

    @post("/bookings/{booking_id:uuid}/convert", operation_id="ConvertOption", status_code=202)
    async def convert(
        self, booking_id: uuid.UUID, data: OptionConvert, deps: VenueDependencies, principal: Principal
    ) -> BookingAccepted:
        """Turn a live option into a booking; the services are arranged as for a new booking."""
        row = await visible_booking(deps, principal, booking_id)
        services = {
            name: msgspec.to_builtins(value)
            for name in ("interpreting", "catering")
            if (value := getattr(data, name)) is not None
        }
        now = datetime.now(UTC)
        try:
            with booking_errors():
                status = await convert_option(
                    deps.database, booking_id, principal.actor, services, deps.catalog, deps.saga, now
                )
        except OptionNotConvertible as error:
            raise ApiError(409, "Not a live option", str(error)) from None
        return BookingAccepted(booking_id=booking_id, status=status, trace_id=row["trace_id"])

    @patch("/holds/{booking_id:uuid}", operation_id="SetOptionExpiry", status_code=200)
    async def set_expiry(
        self, booking_id: uuid.UUID, data: OptionExpiry, deps: VenueDependencies, principal: Principal
    ) -> OptionExpiry:
        """Extend or shorten a live option (staff); it never outlasts the event's start."""
        require(principal, Role.STAFF)
        await visible_booking(deps, principal, booking_id)
        if data.expires_at.tzinfo is None:
            raise ApiError(422, "A time needs its offset", "", [FieldError("expires_at", "add a UTC offset")])
        try:
            with booking_errors():
                until = await set_option_expiry(
                    deps.database, booking_id, data.expires_at, principal.actor, datetime.now(UTC)
                )
        except OptionNotConvertible as error:
            raise ApiError(409, "Not a live option", str(error)) from None
        return OptionExpiry(expires_at=until)
