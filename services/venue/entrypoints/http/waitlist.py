"""The waitlist over HTTP: queue behind a held slot, and see where your entries stand."""

from __future__ import annotations

from datetime import UTC, datetime

from litestar import Controller, get, post
from litestar.di import Provide

from services.venue.domain.access import Principal
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate
from services.venue.entrypoints.http.booking_requests import booking_errors, new_booking, organizer_for
from services.venue.entrypoints.http.holds import no_services
from services.venue.entrypoints.schemas.bookings import BookingCreate
from services.venue.entrypoints.schemas.holds import WaitlistEntry, WaitlistItem
from services.venue.handlers import views
from services.venue.handlers.errors import SlotFree
from services.venue.handlers.waitlist import join_waitlist
from shared.http.problems import ApiError, FieldError


class WaitlistController(Controller):
    path = "/waitlist"
    tags = ["holds and waitlist"]
    dependencies = {"principal": Provide(authenticate)}

    @post("/", operation_id="JoinWaitlist", status_code=201)
    async def join(self, data: BookingCreate, deps: VenueDependencies, principal: Principal) -> WaitlistEntry:
        """Queue behind the hold or booking of a slot; when it is released you get an option on it."""
        no_services(data)
        if data.public:
            reason = "make the booking public once it is booked (PUT /bookings/{id}/public)"
            raise ApiError(422, "Not for a waitlist entry", reason, [FieldError("public", reason)])
        organizer = await organizer_for(data, principal, deps)
        command = new_booking(data, organizer, principal, None)
        try:
            with booking_errors():
                entry_id, place = await join_waitlist(deps.database, command, deps.catalog, datetime.now(UTC))
        except SlotFree as error:
            raise ApiError(
                409, "The slot is free", f"{error.space_id} is free then: book it or place an option"
            ) from None
        return WaitlistEntry(waitlist_id=entry_id, place=place)

    @get("/", operation_id="MyWaitlist")
    async def mine(self, deps: VenueDependencies, principal: Principal) -> list[WaitlistItem]:
        """Your queue entries (staff and ops: everyone's) with their state."""
        rows = await views.waitlist_of(deps.database, principal)
        return [
            WaitlistItem(waitlist_id=row["id"], **{k: row[k] for k in list(row.keys())[1:]}) for row in rows
        ]
