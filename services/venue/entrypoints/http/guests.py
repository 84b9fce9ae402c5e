"""Guest lists of bookings (cross-border guests registered with the venue) and the audit of every access.

The URLs carry no personal data (spans record them): the reveal's purpose is a code from a closed list,
and guest fields travel only in request and response bodies, which nothing logs or records.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import asyncpg
from litestar import Controller, Request, Response, get, put
from litestar.datastructures import ResponseHeader
from litestar.di import Provide
from litestar.params import Parameter

from services.venue.domain.access import Principal, Role
from services.venue.domain.guests import Guest as WantedGuest
from services.venue.domain.guests import Purpose
from services.venue.domain.sealing import Unreadable
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.guests import Guest, GuestDataAccess, GuestList, GuestListUpdate
from services.venue.handlers import guests
from shared.http.problems import ApiError, FieldError, Problem, on_api_error
from shared.telemetry import trace_id_hex

log = logging.getLogger(__name__)

GUEST_LIST_MAX_BYTES = 2 * 1024 * 1024  # 10,000 guests; the API's usual body limit is far smaller


def _unreadable(request: Request[Any, Any, Any], error: Unreadable) -> Response[Problem]:
    # a key missing from WICT_GUEST_DATA_KEY, or a row altered in the database: the operator must act
    log.error("guest data does not open", extra={"fields": {"path": request.url.path, "reason": str(error)}})
    detail = "a sealed guest field does not open with the configured keys (WICT_GUEST_DATA_KEY)"
    return on_api_error(request, ApiError(500, "Guest data cannot be opened", detail))


def _list(shown: guests.ShownList) -> GuestList:
    return GuestList(
        booking_id=shown.booking_id,
        revealed=shown.revealed,
        updated_at=shown.updated_at,
        purged_at=shown.purged_at,
        guests=[
            Guest(
                guest_id=g.guest_id,
                full_name=g.full_name,
                nationality=g.nationality,
                passport_number=g.passport_number,
                date_of_birth=g.date_of_birth,
            )
            for g in shown.guests
        ],
    )


class GuestsController(Controller):
    path = "/bookings/{booking_id:uuid}/guests"
    tags = ["guests"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = {**REFUSALS, Unreadable: _unreadable}

    @put("/", operation_id="PutGuests", request_max_body_size=GUEST_LIST_MAX_BYTES)
    async def put_guests(
        self,
        booking_id: uuid.UUID,
        data: GuestListUpdate,
        deps: VenueDependencies,
        principal: Principal,
    ) -> GuestList:
        """Replace the booking's guest list, all or nothing (its organizer or staff); passports are sealed at rest."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        wanted = [
            WantedGuest(g.full_name, g.nationality, g.passport_number, g.date_of_birth) for g in data.guests
        ]
        shown = await guests.replace_guests(
            deps.database,
            deps.guest_keys,
            principal,
            booking_id,
            wanted,
            datetime.now(UTC),
            trace_id_hex(),
        )
        return _list(shown)

    @get("/", operation_id="GetGuests")
    async def get_guests(
        self,
        booking_id: uuid.UUID,
        deps: VenueDependencies,
        principal: Principal,
        reveal: Annotated[
            Literal["passport"] | None,
            Parameter(description="`passport`: full passport numbers and dates of birth (staff; audited)"),
        ] = None,
        purpose: Annotated[
            Purpose | None, Parameter(description="why the numbers are revealed; required with `reveal`")
        ] = None,
    ) -> GuestList:
        """The guest list with passport numbers masked; staff reveal them with a purpose. Every read is audited."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        if reveal is not None:
            require(principal, Role.STAFF)
        if (reveal is None) != (purpose is None):
            field, reason = (
                ("purpose", "required with reveal")
                if purpose is None
                else ("reveal", "purpose goes with reveal=passport")
            )
            raise ApiError(400, "Invalid query parameter", f"{field}: {reason}", [FieldError(field, reason)])
        shown = await guests.read_guests(
            deps.database, deps.guest_keys, principal, booking_id, purpose, trace_id_hex()
        )
        return _list(shown)


NEXT_PAGE = ResponseHeader(
    name="Link",
    documentation_only=True,
    description='`<…?before=…>; rel="next"` when older entries may follow',
)
ACTIONS = {
    "read": "guests read",
    "revealed": "guests revealed",
    "replaced": "guests replaced",
    "purged": "guests purged",
}


def _access(row: asyncpg.Record) -> GuestDataAccess:
    detail = row["detail"]
    return GuestDataAccess(
        id=row["id"],
        at=row["at"],
        booking_id=row["booking_id"],
        actor=row["actor"],
        action=row["action"].removeprefix("guests "),
        purpose=detail.get("purpose"),
        guests=detail.get("guests"),
        detail=detail,
        trace_id=row["trace_id"],
    )


class GuestDataAuditController(Controller):
    path = "/staff/guest-data-audit"
    tags = ["guests"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/", operation_id="ListGuestDataAccesses", response_headers=[NEXT_PAGE])
    async def list_accesses(
        self,
        deps: VenueDependencies,
        principal: Principal,
        booking_id: uuid.UUID | None = None,
        action: Literal["read", "revealed", "replaced", "purged"] | None = None,
        before: Annotated[
            int | None, Parameter(ge=1, description="from the previous page's Link header")
        ] = None,
        limit: Annotated[int, Parameter(ge=1, le=500)] = 100,
    ) -> Response[list[GuestDataAccess]]:
        """Who read, revealed, replaced or purged guest data, when, why and how many guests; newest first (ops)."""
        require(principal, Role.OPS)
        rows = await guests.guest_data_accesses(
            deps.database, booking_id, ACTIONS[action] if action else None, before, limit
        )
        page = [_access(row) for row in rows]
        headers = {}
        if len(page) == limit:
            wanted = {"booking_id": booking_id, "action": action, "limit": limit, "before": page[-1].id}
            query = urlencode({name: value for name, value in wanted.items() if value is not None})
            headers["Link"] = f'<{self.path}?{query}>; rel="next"'
        return Response(page, headers=headers)
