"""Cancelling a booking or an option over HTTP: the fee follows the policy; asking again answers the same."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

from litestar import Controller, post
from litestar.di import Provide

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.booking_requests import visible_booking
from services.venue.entrypoints.schemas.cancellation import BookingCancel, Cancellation
from services.venue.handlers.cancellation import cancel_booking
from services.venue.handlers.errors import NotCancellable
from shared.http.problems import ApiError


class CancellationController(Controller):
    path = "/bookings"
    tags = ["holds and waitlist"]
    dependencies = {"principal": Provide(authenticate)}

    @post("/{booking_id:uuid}/cancel", operation_id="CancelBooking", status_code=200)
    async def cancel(
        self, booking_id: uuid.UUID, data: BookingCancel, deps: VenueDependencies, principal: Principal
    ) -> Cancellation:
        """Cancel a booking or option: the fee follows the policy; asking again answers the same."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await visible_booking(deps, principal, booking_id)
        try:
            done = await cancel_booking(
                deps.database,
                booking_id,
                principal.actor,
                data.reason,
                datetime.now(UTC),
                deps.catalog,
                deps.saga,
                deps.cancellation_tiers,
                deps.price_of,
            )
        except NotCancellable as error:
            raise ApiError(409, "Cannot be cancelled", str(error)) from None
        return Cancellation(status="cancelled", **dataclasses.asdict(done))
