"""Bookings over HTTP: create one, read it with its saga and trace, its audit trail, change it.
Thin: decode, call a use case, encode."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, tzinfo
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import msgspec
from litestar import Controller, MediaType, Response, get, patch, post
from litestar.datastructures import ResponseHeader
from litestar.di import Provide
from litestar.openapi import ResponseSpec
from litestar.params import Parameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_202_ACCEPTED

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http import listing
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.booking_requests import (
    booking_errors,
    new_booking,
    organizer_for,
    visible_booking,
)
from services.venue.entrypoints.http.vendor_tasks import vendor_task
from services.venue.entrypoints.schemas.bookings import (
    AuditEntry,
    Booking,
    BookingAccepted,
    BookingCreate,
    BookingUpdate,
    CateringWanted,
    InterpretingWanted,
    SagaStep,
)
from services.venue.entrypoints.schemas.changes import Change
from services.venue.entrypoints.schemas.common import Window
from services.venue.handlers import views
from services.venue.handlers.booking import create_booking
from services.venue.handlers.changes import request_change
from services.venue.handlers.errors import IdempotencyKeyReused, InvalidBooking, NotChangeable, SlotTaken
from shared.http.problems import ApiError, FieldError
from shared.span_store import read_trace, render_waterfall

JAEGER_LINK = ResponseHeader(
    name="Link",
    documentation_only=True,
    description='`<{WICT_JAEGER_URL}/trace/{trace id}>; rel="alternate"` when a Jaeger UI is configured',
)
IdempotencyKey = Annotated[str | None, Parameter(header="Idempotency-Key", max_length=200, required=False)]


class BookingsController(Controller):
    path = "/bookings"
    tags = ["bookings"]
    dependencies = {"principal": Provide(authenticate)}

    list_bookings = listing.list_bookings  # GET /bookings: finding bookings, in its own module

    @post(
        "/",
        operation_id="CreateBooking",
        status_code=HTTP_202_ACCEPTED,
        responses={
            201: ResponseSpec(BookingAccepted, description="confirmed at once: no services to arrange")
        },
    )
    async def create(
        self,
        data: BookingCreate,
        deps: VenueDependencies,
        principal: Principal,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[BookingAccepted]:
        """Hold a space and start arranging the services; the saga's outcome shows on the booking."""
        organizer = await organizer_for(data, principal, deps)
        command = new_booking(data, organizer, principal, idempotency_key)
        try:
            accepted = await create_booking(
                command, deps.database, deps.catalog, deps.saga, datetime.now(UTC)
            )
        except (InvalidBooking, SlotTaken, IdempotencyKeyReused) as error:
            raise _refused(error) from None
        body = BookingAccepted(
            booking_id=accepted.booking_id, status=accepted.status, trace_id=accepted.trace_id
        )
        return Response(
            body,
            # 202 while the services are being arranged; 201 when nothing is left to wait for
            status_code=HTTP_202_ACCEPTED if accepted.status == "pending" else HTTP_201_CREATED,
            headers={"Location": f"/bookings/{accepted.booking_id}"},
        )

    @get("/{booking_id:uuid}", operation_id="GetBooking")
    async def get_booking(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> Booking:
        """A booking with its status, the reason if rejected, every saga step and each vendor task's state."""
        row = await visible_booking(deps, principal, booking_id)
        steps, tasks = await views.steps_and_tasks(deps.database, booking_id)
        return _booking(row, steps, tasks, deps.catalog.venue.zone)

    @get(
        "/{booking_id:uuid}/trace",
        operation_id="GetBookingTrace",
        media_type=MediaType.TEXT,
        response_headers=[JAEGER_LINK],
    )
    async def get_trace(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> Response[str]:
        """The booking's spans from every service, as a waterfall (read from the span folder)."""
        trace_id = (await visible_booking(deps, principal, booking_id))["trace_id"]
        span_dir, jaeger = deps.config.span_dir, deps.config.jaeger_url
        link = f"{jaeger.rstrip('/')}/trace/{trace_id}" if jaeger else ""
        if not span_dir and not link:
            raise ApiError(
                404, "Spans are not stored here", "set WICT_SPAN_DIR, or look the trace up in your backend"
            )
        text = render_waterfall(read_trace(span_dir, trace_id)) if span_dir else f"trace {trace_id}\n"
        headers = {"Link": f'<{link}>; rel="alternate"'} if link else {}
        return Response(
            text + (f"in Jaeger: {link}\n" if link else ""), media_type=MediaType.TEXT, headers=headers
        )

    @get("/{booking_id:uuid}/audit", operation_id="GetBookingAudit")
    async def get_audit(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> list[AuditEntry]:
        """Every change to the booking: who, what, when, and the trace of the request (staff and ops)."""
        require(principal, Role.STAFF, Role.OPS)
        await visible_booking(deps, principal, booking_id)
        trail = await views.audit_trail(deps.database, booking_id)
        return [
            AuditEntry(
                at=e["at"], actor=e["actor"], action=e["action"], detail=e["detail"], trace_id=e["trace_id"]
            )
            for e in trail
        ]

    @patch("/{booking_id:uuid}", operation_id="ChangeBooking", status_code=202)
    async def change(
        self, booking_id: uuid.UUID, data: BookingUpdate, deps: VenueDependencies, principal: Principal
    ) -> Change:
        """Change time, space, layout, attendees, title or services; if the new plan fails, nothing changes."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await visible_booking(deps, principal, booking_id)
        wanted = {
            name: value
            for name in BookingUpdate.__struct_fields__
            if (value := getattr(data, name)) is not msgspec.UNSET
        }
        for service in ("interpreting", "catering"):
            if service in wanted and wanted[service] is not None:
                wanted[service] = msgspec.to_builtins(wanted[service])
        now = datetime.now(UTC)
        try:
            with booking_errors():
                accepted = await request_change(
                    deps.database, booking_id, principal.actor, wanted, deps.catalog, deps.saga, now
                )
        except NotChangeable as error:
            raise ApiError(409, "The booking cannot be changed now", str(error)) from None
        return Change(
            booking_id=booking_id, revision=accepted.revision, state=accepted.state, changes=accepted.changes
        )


def _refused(error: InvalidBooking | SlotTaken | IdempotencyKeyReused) -> ApiError:
    """The answer to a booking request the venue cannot hold."""
    if isinstance(error, InvalidBooking):
        return ApiError(
            422,
            "The booking request breaks a venue rule",
            str(error),
            [FieldError(v.field, v.reason) for v in error.violations],
        )
    if isinstance(error, SlotTaken):
        return ApiError(
            409,
            "The space is already held at that time",
            f"{error.space_id} is held during part of {error.requested.starts_at.isoformat()} – "
            f"{error.requested.ends_at.isoformat()} (setup and teardown included)",
            [FieldError("starts_at", "overlaps another booking of the space")],
            conflicts=[
                {"starts_at": t.starts_at.isoformat(), "ends_at": t.ends_at.isoformat()} for t in error.taken
            ],
        )
    return ApiError(
        422,
        "Idempotency-Key reused",
        "this Idempotency-Key was used with a different request body",
        [FieldError("Idempotency-Key", "already used for a different request")],
    )


def _booking(row: Any, steps: list[Any], tasks: list[Any], venue_zone: tzinfo) -> Booking:
    organizer_zone = ZoneInfo(row["organizer"]["time_zone"])
    return Booking(
        booking_id=row["id"],
        organizer_id=row["organizer_id"],
        status=row["status"],
        phase=row["phase"],
        reason=row["reason"],
        space_id=row["space_id"],
        layout=row["layout"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        blocked=Window(starts_at=row["blocked_from"], ends_at=row["blocked_to"]),
        local={
            "venue": Window(
                starts_at=row["starts_at"].astimezone(venue_zone),
                ends_at=row["ends_at"].astimezone(venue_zone),
            ),
            "organizer": Window(
                starts_at=row["starts_at"].astimezone(organizer_zone),
                ends_at=row["ends_at"].astimezone(organizer_zone),
            ),
        },
        attendees=row["attendees"],
        title=row["title"],
        interpreting=msgspec.convert(row["interpreting"], InterpretingWanted)
        if row["interpreting"]
        else None,
        catering=msgspec.convert(row["catering"], CateringWanted) if row["catering"] else None,
        steps=[_step(s) for s in steps],
        vendor_tasks=[vendor_task(t, venue_zone, organizer_zone) for t in tasks],
        hold_expires_at=row["hold_expires_at"],
        cancelled_at=row["cancelled_at"],
        fee_minor=row["fee_minor"],
        public=row["public"],
        trace_id=row["trace_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _step(row: Any) -> SagaStep:
    return SagaStep(
        name=row["step"],
        state=row["state"],
        started_at=row["started_at"],
        updated_at=row["updated_at"],
        deadline=row["deadline"],
        detail=row["detail"],
    )
