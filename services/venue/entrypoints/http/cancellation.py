"""Cancelling a booking or an option over HTTP: the fee follows the policy; asking again answers the same."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime
from typing import Annotated

from litestar import Controller, post
from litestar.di import Provide
from litestar.params import QueryParameter

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.booking_requests import visible_booking
from services.venue.entrypoints.schemas.cancellation import BookingCancel, Cancellation, CancellationTier
from services.venue.handlers.cancellation import Cancellation as CancelledBooking
from services.venue.handlers.cancellation import FeePreview, cancel_booking, preview_cancellation
from services.venue.handlers.errors import NotCancellable
from shared.http.problems import ApiError


class CancellationController(Controller):
    path = "/bookings"
    tags = ["holds and waitlist"]
    dependencies = {"principal": Provide(authenticate)}

    @post("/{booking_id:uuid}/cancel", operation_id="CancelBooking", status_code=200)
    async def cancel(
        self,
        booking_id: uuid.UUID,
        data: BookingCancel,
        deps: VenueDependencies,
        principal: Principal,
        dry_run: Annotated[bool, QueryParameter(name="dry_run", required=False)] = False,
    ) -> Cancellation:
        """Cancel a booking or option: the fee follows the policy; asking again answers the same.
        ``?dry_run=true`` answers the fee cancelling now would charge and the rule, and changes nothing."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await visible_booking(deps, principal, booking_id)
        rule = [
            CancellationTier(days_before=t.days_before, fee_percent=t.fee_percent)
            for t in deps.cancellation_tiers
        ]
        try:
            if dry_run:
                seen = await preview_cancellation(
                    deps.database, booking_id, datetime.now(UTC), deps.cancellation_tiers, deps.price_of
                )
                return _answer(seen, rule)
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
        return Cancellation(status="cancelled", rule=rule, **dataclasses.asdict(done))


def _answer(seen: FeePreview | CancelledBooking, rule: list[CancellationTier]) -> Cancellation:
    if isinstance(seen, CancelledBooking):
        return Cancellation(status="cancelled", dry_run=True, rule=rule, **dataclasses.asdict(seen))
    return Cancellation(
        booking_id=seen.booking_id,
        status=seen.status,
        dry_run=True,
        cancelled_at=None,
        fee_percent=seen.fee_percent,
        fee_minor=seen.fee_minor,
        fee_base_minor=seen.fee_base_minor,
        currency=seen.currency,
        fee_rises_at=seen.fee_rises_at,
        rule=rule,
    )
