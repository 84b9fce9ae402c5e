"""What the booking-shaped requests share: the caller's booking (or 404), the organizer a booking is
for, the command built from a request, and the answers to a request the venue cannot hold."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import msgspec

from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import BookingRequest
from services.venue.domain.commands import NewBooking
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import require
from services.venue.entrypoints.schemas.bookings import BookingCreate
from services.venue.handlers import accounts, views
from services.venue.handlers.errors import InvalidBooking, SlotTaken
from shared.contracts import Organizer
from shared.http.problems import ApiError, FieldError


async def visible_booking(deps: VenueDependencies, principal: Principal, booking_id: uuid.UUID) -> Any:
    """The booking row, or 404 when it does not exist or belongs to another organizer (no oracle)."""
    row = await views.booking_of(deps.database, principal, booking_id)
    if row is None:
        raise ApiError(404, "No such booking", f"booking {booking_id} does not exist")
    return row


async def organizer_for(data: BookingCreate, principal: Principal, deps: VenueDependencies) -> Principal:
    """Organizers book for themselves; staff book on behalf of an organizer (the manual window)."""
    if principal.role is Role.ORGANIZER:
        if data.on_behalf_of is not None:
            raise ApiError(
                403,
                "Not allowed for your role",
                "only venue staff book on behalf of an organizer",
                [FieldError("on_behalf_of", "staff only")],
            )
        return principal
    require(principal, Role.STAFF)
    if data.on_behalf_of is None:
        raise ApiError(
            422,
            "Whom is the booking for?",
            "staff name the organizer account",
            [FieldError("on_behalf_of", "required when staff book")],
        )
    organizer = await accounts.account(deps.database, data.on_behalf_of)
    if organizer is None or organizer.role is not Role.ORGANIZER:
        raise ApiError(
            422, "Unknown organizer", "", [FieldError("on_behalf_of", "no such organizer account")]
        )
    return organizer


def new_booking(
    data: BookingCreate, organizer: Principal, principal: Principal, idempotency_key: str | None
) -> NewBooking:
    request = BookingRequest(
        space_id=data.space_id,
        layout=data.layout,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        attendees=data.attendees,
        time_zone=organizer.time_zone,
        floor_language=data.interpreting.floor_language if data.interpreting else None,
        target_languages=tuple(data.interpreting.target_languages) if data.interpreting else (),
        catering_headcount=data.catering.headcount if data.catering else None,
        catering_menu=data.catering.menu if data.catering else None,
    )
    contact = Organizer(
        name=organizer.name,
        email=organizer.email,
        locale=organizer.locale,
        time_zone=organizer.time_zone,
        phone=organizer.phone,
    )
    return NewBooking(
        request=request,
        title=data.title,
        organizer=contact,
        organizer_id=organizer.account_id,
        actor=principal.actor,
        interpreting=msgspec.to_builtins(data.interpreting) if data.interpreting else None,
        catering=msgspec.to_builtins(data.catering) if data.catering else None,
        idempotency_key=idempotency_key,
        canonical_body=msgspec.json.encode(data),
        quote_id=data.quote_id,
        network_lines=data.network_lines,
        public=data.public,
    )


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
