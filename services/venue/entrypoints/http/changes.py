"""A booking's changes: the new plan is arranged first, the old one kept until it is (PATCH /bookings/{id}
starts one: ``bookings.py``)."""

from __future__ import annotations

import uuid

from litestar import Controller, get
from litestar.di import Provide

from services.venue.domain.access import Principal
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate
from services.venue.entrypoints.http.booking_requests import visible_booking
from services.venue.entrypoints.schemas.changes import Change
from services.venue.handlers import views


class ChangesController(Controller):
    path = "/bookings"
    tags = ["bookings"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/{booking_id:uuid}/changes", operation_id="ListBookingChanges")
    async def changes(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> list[Change]:
        """The booking's changes, newest first: running, applied, or rejected with the reason."""
        await visible_booking(deps, principal, booking_id)
        rows = await views.changes_of(deps.database, booking_id)
        return [
            Change(
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
