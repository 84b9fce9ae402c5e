"""Option holds, their conversion into bookings, cancellation, and the waitlist."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated

import msgspec
from litestar import Controller, Response, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import Parameter
from msgspec import Meta

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.auth import authenticate, require
from services.venue.entrypoints.http import _new_booking, _organizer_for, _visible_booking
from services.venue.entrypoints.schemas import (
    BookingAccepted,
    BookingCreate,
    CateringWanted,
    InterpretingWanted,
)
from services.venue.handlers import InvalidBooking, NotCancellable, SlotTaken, cancel_booking, create_booking
from services.venue.holds import (
    OptionNotConvertible,
    SlotFree,
    convert_option,
    join_waitlist,
    option_until,
    set_option_expiry,
)
from shared.http.problems import ApiError, FieldError
from shared.service import Context


class Conversion(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    interpreting: InterpretingWanted | None = None
    catering: CateringWanted | None = None


class OptionExpiry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    expires_at: datetime


class CancelRequest(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    reason: Annotated[str, Meta(max_length=500)] = ""


class CancellationOut(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    status: str
    cancelled_at: datetime
    fee_percent: int
    fee_minor: int
    fee_base_minor: int
    currency: str


class WaitlistEntry(msgspec.Struct, frozen=True, kw_only=True):
    waitlist_id: uuid.UUID
    place: int


class WaitlistItem(msgspec.Struct, frozen=True, kw_only=True):
    waitlist_id: uuid.UUID
    space_id: str
    starts_at: datetime
    ends_at: datetime
    status: str
    booking_id: uuid.UUID | None
    created_at: datetime


@contextmanager
def booking_errors() -> Iterator[None]:
    """The API's answers to a request the venue cannot hold."""
    try:
        yield
    except InvalidBooking as error:
        raise ApiError(
            422,
            "The request breaks a venue rule",
            str(error),
            [FieldError(v.field, v.reason) for v in error.violations],
        ) from None
    except SlotTaken as error:
        raise ApiError(
            409,
            "The space is already held at that time",
            f"{error.space_id} is held then",
            [FieldError("starts_at", "overlaps another booking of the space")],
            conflicts=[
                {"starts_at": t.starts_at.isoformat(), "ends_at": t.ends_at.isoformat()} for t in error.taken
            ],
        ) from None


def _no_services(data: BookingCreate) -> None:
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
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
        days: Annotated[int | None, Parameter(ge=1, le=30, required=False)] = None,
        idempotency_key: Annotated[
            str | None, Parameter(header="Idempotency-Key", max_length=200, required=False)
        ] = None,
    ) -> Response[BookingAccepted]:
        """Hold a space for some days (default 7) without services; convert it or let it expire."""
        _no_services(data)
        organizer = await _organizer_for(data, principal, context)
        now = datetime.now(UTC)
        until = option_until(now, data.starts_at, days or context.config.option_days)
        with booking_errors():
            accepted = await create_booking(
                _new_booking(data, organizer, principal, idempotency_key),
                context.database,
                context.state["catalog"],
                context.state["saga_settings"],
                now,
                option_until=until,
            )
        body = BookingAccepted(
            booking_id=accepted.booking_id, status=accepted.status, trace_id=accepted.trace_id
        )
        return Response(body, status_code=201, headers={"Location": f"/bookings/{accepted.booking_id}"})

    @post("/bookings/{booking_id:uuid}/convert", operation_id="ConvertOption", status_code=202)
    async def convert(
        self,
        booking_id: uuid.UUID,
        data: Conversion,
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
    ) -> BookingAccepted:
        """Turn a live option into a booking; the services are arranged as for a new booking."""
        row = await _visible_booking(context, principal, booking_id)
        services = {
            name: msgspec.to_builtins(value)
            for name in ("interpreting", "catering")
            if (value := getattr(data, name)) is not None
        }
        try:
            with booking_errors():
                status = await convert_option(
                    context.database,
                    booking_id,
                    principal.actor,
                    services,
                    context.state["catalog"],
                    context.state["saga_settings"],
                    datetime.now(UTC),
                )
        except OptionNotConvertible as error:
            raise ApiError(409, "Not a live option", str(error)) from None
        return BookingAccepted(booking_id=booking_id, status=status, trace_id=row["trace_id"])

    @patch("/holds/{booking_id:uuid}", operation_id="SetOptionExpiry", status_code=200)
    async def set_expiry(
        self,
        booking_id: uuid.UUID,
        data: OptionExpiry,
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
    ) -> OptionExpiry:
        """Extend or shorten a live option (staff); it never outlasts the event's start."""
        require(principal, Role.STAFF)
        await _visible_booking(context, principal, booking_id)
        if data.expires_at.tzinfo is None:
            raise ApiError(422, "A time needs its offset", "", [FieldError("expires_at", "add a UTC offset")])
        try:
            with booking_errors():
                until = await set_option_expiry(
                    context.database, booking_id, data.expires_at, principal.actor, datetime.now(UTC)
                )
        except OptionNotConvertible as error:
            raise ApiError(409, "Not a live option", str(error)) from None
        return OptionExpiry(expires_at=until)

    @post("/bookings/{booking_id:uuid}/cancel", operation_id="CancelBooking", status_code=200)
    async def cancel(
        self,
        booking_id: uuid.UUID,
        data: CancelRequest,
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
    ) -> CancellationOut:
        """Cancel a booking or option: the fee follows the policy; asking again answers the same."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await _visible_booking(context, principal, booking_id)
        try:
            done = await cancel_booking(
                context.database,
                booking_id,
                principal.actor,
                data.reason,
                datetime.now(UTC),
                context.state["catalog"],
                context.state["saga_settings"],
                context.state["cancellation_tiers"],
                context.state["price_of"],
            )
        except NotCancellable as error:
            raise ApiError(409, "Cannot be cancelled", str(error)) from None
        return CancellationOut(status="cancelled", **dataclasses.asdict(done))

    @post("/waitlist", operation_id="JoinWaitlist", status_code=201)
    async def join(
        self, data: BookingCreate, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> WaitlistEntry:
        """Queue behind the hold or booking of a slot; when it is released you get an option on it."""
        _no_services(data)
        organizer = await _organizer_for(data, principal, context)
        try:
            with booking_errors():
                entry_id, place = await join_waitlist(
                    context.database,
                    _new_booking(data, organizer, principal, None),
                    context.state["catalog"],
                    datetime.now(UTC),
                )
        except SlotFree as error:
            raise ApiError(
                409, "The slot is free", f"{error.space_id} is free then: book it or place an option"
            ) from None
        return WaitlistEntry(waitlist_id=entry_id, place=place)

    @get("/waitlist", operation_id="MyWaitlist")
    async def mine(
        self, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> list[WaitlistItem]:
        """Your queue entries (staff and ops: everyone's) with their state."""
        async with context.database.connection() as connection:
            rows = await connection.fetch(
                "SELECT id, space_id, starts_at, ends_at, status, booking_id, created_at FROM waitlist"
                " WHERE $1::uuid IS NULL OR organizer_id = $1 ORDER BY created_at DESC LIMIT 200",
                principal.account_id if principal.role is Role.ORGANIZER else None,
            )
        return [
            WaitlistItem(waitlist_id=row["id"], **{k: row[k] for k in list(row.keys())[1:]}) for row in rows
        ]
