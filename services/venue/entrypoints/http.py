"""The venue's HTTP API: spaces, bookings, and a booking's trace. Thin: decode, call a handler, encode."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import msgspec
from litestar import Controller, MediaType, Response, get, patch, post
from litestar.datastructures import ResponseHeader
from litestar.di import NamedDependency, Provide
from litestar.openapi import ResponseSpec
from litestar.params import Parameter
from litestar.status_codes import HTTP_201_CREATED, HTTP_202_ACCEPTED

from services.venue.adapters import accounts, repository
from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import BookingRequest
from services.venue.entrypoints.auth import authenticate, require
from services.venue.entrypoints.schemas import (
    AuditEntry,
    Booking,
    BookingAccepted,
    BookingCreate,
    BookingUpdate,
    CateringWanted,
    ChangeOut,
    InterpretingWanted,
    Layout,
    SagaStep,
    SpaceOut,
    Window,
)
from services.venue.entrypoints.vendor_tasks_http import vendor_task
from services.venue.handlers import (
    IdempotencyKeyReused,
    InvalidBooking,
    NewBooking,
    SlotTaken,
    create_booking,
)
from services.venue.usecases.vendor_tasks import booking_tasks
from shared.contracts import Organizer
from shared.http.problems import ApiError, FieldError
from shared.service import Context
from shared.span_store import read_trace, render_waterfall

JAEGER_LINK = ResponseHeader(
    name="Link",
    documentation_only=True,
    description='`<{WICT_JAEGER_URL}/trace/{trace id}>; rel="alternate"` when a Jaeger UI is configured',
)


class SpacesController(Controller):
    path = "/spaces"
    tags = ["spaces"]

    @get("/", operation_id="ListSpaces", sync_to_thread=False)
    def list_spaces(self, context: NamedDependency[Context]) -> list[SpaceOut]:
        """The venue's spaces with their layouts and seated capacities."""
        catalog = context.state["catalog"]
        return [
            SpaceOut(
                id=space.id,
                name=space.name,
                area_m2=space.area_m2,
                layouts=[Layout(name, seats) for name, seats in space.layouts.items()],
                combines=space.units if len(space.units) > 1 else [],
                setup_minutes=space.setup_minutes,
                teardown_minutes=space.teardown_minutes,
                fixed_interpretation_booths=space.fixed_booths,
                requires_approval=space.requires_approval,
                features=space.features,
            )
            for space in catalog.spaces
        ]


async def _organizer_for(data: BookingCreate, principal: Principal, context: Context) -> Principal:
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
    async with context.database.connection() as connection:
        organizer = await accounts.account(connection, data.on_behalf_of)
    if organizer is None or organizer.role is not Role.ORGANIZER:
        raise ApiError(
            422, "Unknown organizer", "", [FieldError("on_behalf_of", "no such organizer account")]
        )
    return organizer


def _new_booking(
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
        name=organizer.name, email=organizer.email, locale=organizer.locale, time_zone=organizer.time_zone
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
    )


async def _visible_booking(context: Context, principal: Principal, booking_id: uuid.UUID) -> Any:
    """The booking row, or 404 when it does not exist or belongs to another organizer (no oracle)."""
    async with context.database.connection() as connection:
        row = await repository.booking(connection, booking_id)
    if row is None or not principal.may_see(row["organizer_id"]):
        raise ApiError(404, "No such booking", f"booking {booking_id} does not exist")
    return row


class BookingsController(Controller):
    path = "/bookings"
    tags = ["bookings"]
    dependencies = {"principal": Provide(authenticate)}

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
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
        idempotency_key: Annotated[
            str | None, Parameter(header="Idempotency-Key", max_length=200, required=False)
        ] = None,
    ) -> Response[BookingAccepted]:
        """Hold a space and start arranging the services; the saga's outcome shows on the booking."""
        organizer = await _organizer_for(data, principal, context)
        try:
            accepted = await create_booking(
                _new_booking(data, organizer, principal, idempotency_key),
                context.database,
                context.state["catalog"],
                context.state["saga_settings"],
                datetime.now(UTC),
            )
        except InvalidBooking as error:
            raise ApiError(
                422,
                "The booking request breaks a venue rule",
                str(error),
                [FieldError(v.field, v.reason) for v in error.violations],
            ) from None
        except SlotTaken as error:
            raise ApiError(
                409,
                "The space is already held at that time",
                f"{error.space_id} is held during part of {error.requested.starts_at.isoformat()} – "
                f"{error.requested.ends_at.isoformat()} (setup and teardown included)",
                [FieldError("starts_at", "overlaps another booking of the space")],
                conflicts=[
                    {"starts_at": t.starts_at.isoformat(), "ends_at": t.ends_at.isoformat()}
                    for t in error.taken
                ],
            ) from None
        except IdempotencyKeyReused:
            raise ApiError(
                422,
                "Idempotency-Key reused",
                "this Idempotency-Key was used with a different request body",
                [FieldError("Idempotency-Key", "already used for a different request")],
            ) from None
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
        self, booking_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> Booking:
        """A booking with its status, the reason if rejected, every saga step and each vendor task's state."""
        row = await _visible_booking(context, principal, booking_id)
        async with context.database.connection() as connection:
            steps = await repository.steps(connection, booking_id)
            tasks = await booking_tasks(connection, booking_id)
        organizer_zone = ZoneInfo(row["organizer"]["time_zone"])
        venue_zone = context.state["catalog"].venue.zone
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
            steps=[
                SagaStep(
                    name=s["step"],
                    state=s["state"],
                    started_at=s["started_at"],
                    updated_at=s["updated_at"],
                    deadline=s["deadline"],
                    detail=s["detail"],
                )
                for s in steps
            ],
            vendor_tasks=[vendor_task(t, venue_zone, organizer_zone) for t in tasks],
            hold_expires_at=row["hold_expires_at"],
            cancelled_at=row["cancelled_at"],
            fee_minor=row["fee_minor"],
            trace_id=row["trace_id"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    @get(
        "/{booking_id:uuid}/trace",
        operation_id="GetBookingTrace",
        media_type=MediaType.TEXT,
        response_headers=[JAEGER_LINK],
    )
    async def get_trace(
        self, booking_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> Response[str]:
        """The booking's spans from every service, as a waterfall (read from the span folder)."""
        trace_id = (await _visible_booking(context, principal, booking_id))["trace_id"]
        span_dir, jaeger = context.config.span_dir, context.config.jaeger_url
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
        self, booking_id: uuid.UUID, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> list[AuditEntry]:
        """Every change to the booking: who, what, when, and the trace of the request (staff and ops)."""
        require(principal, Role.STAFF, Role.OPS)
        await _visible_booking(context, principal, booking_id)
        async with context.database.connection() as connection:
            trail = await accounts.audit_trail(connection, booking_id)
        return [
            AuditEntry(
                at=e["at"], actor=e["actor"], action=e["action"], detail=e["detail"], trace_id=e["trace_id"]
            )
            for e in trail
        ]

    @patch("/{booking_id:uuid}", operation_id="ChangeBooking", status_code=202)
    async def change(
        self,
        booking_id: uuid.UUID,
        data: BookingUpdate,
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
    ) -> ChangeOut:
        """Change time, space, layout, attendees, title or services; if the new plan fails, nothing changes."""
        from services.venue.entrypoints.changes_http import change_booking

        return await change_booking(booking_id, data, context, principal)
