"""Changing a confirmed booking: the new plan is arranged first, the old one kept until it is."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from msgspec import UNSET

from services.venue.changes import NotChangeable, request_change
from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.auth import authenticate, require
from services.venue.entrypoints.holds_http import booking_errors
from services.venue.entrypoints.http import _visible_booking
from services.venue.entrypoints.schemas import BookingUpdate, ChangeOut
from shared.http.problems import ApiError
from shared.service import Context


async def change_booking(
    booking_id: uuid.UUID, data: BookingUpdate, context: Context, principal: Principal
) -> ChangeOut:
    """Start the change saga for the fields sent (PATCH /bookings/{id}, served by BookingsController)."""
    require(principal, Role.ORGANIZER, Role.STAFF)
    await _visible_booking(context, principal, booking_id)
    wanted = {
        name: value for name in BookingUpdate.__struct_fields__ if (value := getattr(data, name)) is not UNSET
    }
    for service in ("interpreting", "catering"):
        if service in wanted and wanted[service] is not None:
            wanted[service] = msgspec.to_builtins(wanted[service])
    try:
        with booking_errors():
            accepted = await request_change(
                context.database,
                booking_id,
                principal.actor,
                wanted,
                context.state["catalog"],
                context.state["saga_settings"],
                datetime.now(UTC),
            )
    except NotChangeable as error:
        raise ApiError(409, "The booking cannot be changed now", str(error)) from None
    return ChangeOut(
        booking_id=booking_id, revision=accepted.revision, state=accepted.state, changes=accepted.changes
    )


class ChangesController(Controller):
    path = "/bookings"
    tags = ["bookings"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/{booking_id:uuid}/changes", operation_id="ListBookingChanges")
    async def changes(
        self, booking_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> list[ChangeOut]:
        """The booking's changes, newest first: running, applied, or rejected with the reason."""
        await _visible_booking(context, principal, booking_id)
        async with context.database.connection() as connection:
            rows = await connection.fetch(
                "SELECT revision, state, changes, reason, created_at, updated_at FROM booking_changes"
                " WHERE booking_id = $1 ORDER BY revision DESC",
                booking_id,
            )
        return [
            ChangeOut(
                booking_id=booking_id,
                revision=r["revision"],
                state=r["state"],
                changes=list(r["changes"]),
                reason=r["reason"],
                created_at=r["created_at"],
                updated_at=r["updated_at"],
            )
            for r in rows
        ]
