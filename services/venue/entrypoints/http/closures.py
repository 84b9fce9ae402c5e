"""Closures and blackouts over HTTP: staff place and remove them; anyone lists them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from litestar import Controller, Response, delete, get, post
from litestar.di import Provide
from litestar.openapi import ResponseSpec
from litestar.params import QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import Interval
from services.venue.domain.schedule import parse_moment
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, optional_principal, require
from services.venue.entrypoints.http.zones import Zones, invalid, local_window, viewer_zones
from services.venue.entrypoints.schemas.closures import BookingHit, Closure, ClosureAnswer, ClosureCreate
from services.venue.entrypoints.schemas.common import Window
from services.venue.handlers import closures
from services.venue.handlers.errors import InvalidRequest
from shared.http.api_docs import OPTIONAL_CREDENTIAL
from shared.http.problems import ApiError


def _closure(row: Any, zones: Zones) -> Closure:
    return Closure(
        closure_id=row["id"],
        space_id=row["space_id"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        reason=row["reason"],
        local=local_window(row["starts_at"], row["ends_at"], zones),
    )


def _hit(row: Any) -> BookingHit:
    return BookingHit(
        booking_id=row["id"],
        organizer_id=row["organizer_id"],
        space_id=row["space_id"],
        status=row["status"],
        title=row["title"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        blocked=Window(starts_at=row["blocked_from"], ends_at=row["blocked_to"]),
    )


class ClosuresController(Controller):
    path = "/closures"
    tags = ["closures"]
    dependencies = {"principal": Provide(authenticate), "viewer": Provide(optional_principal)}

    @post(
        "/",
        operation_id="CreateClosure",
        status_code=HTTP_201_CREATED,
        responses={200: ResponseSpec(ClosureAnswer, description="dry run: only the bookings it would hit")},
    )
    async def create(
        self,
        data: ClosureCreate,
        deps: VenueDependencies,
        principal: Principal,
        dry_run: Annotated[bool, QueryParameter(name="dry_run", required=False)] = False,
    ) -> Response[ClosureAnswer]:
        """Close a space or the whole venue (staff); new bookings meeting it are refused, and the
        bookings already held then are listed (not cancelled). ``?dry_run=true`` only lists them."""
        require(principal, Role.STAFF)
        catalog = deps.catalog
        command = closures.NewClosure(
            space_id=data.space_id,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            reason=data.reason,
            actor=principal.actor,
            account_id=principal.account_id,
        )
        try:
            outcome = await closures.close(command, deps.database, catalog, dry_run)
        except InvalidRequest as error:
            raise invalid(error.rules) from None
        zones = viewer_zones(catalog, principal, None)
        closure = None
        if outcome.closure_id is not None:
            closure = Closure(
                closure_id=outcome.closure_id,
                space_id=data.space_id,
                starts_at=data.starts_at,
                ends_at=data.ends_at,
                reason=data.reason,
                local=local_window(data.starts_at, data.ends_at, zones),
            )
        answer = ClosureAnswer(
            dry_run=dry_run, closure=closure, units=outcome.units, hits=[_hit(row) for row in outcome.hits]
        )
        headers = {"Location": f"/closures/{outcome.closure_id}"} if closure else {}
        return Response(answer, status_code=HTTP_200_OK if dry_run else HTTP_201_CREATED, headers=headers)

    @get("/", operation_id="ListClosures", security=OPTIONAL_CREDENTIAL)
    async def list_closures(
        self,
        deps: VenueDependencies,
        viewer: Principal | None,
        from_: Annotated[str | None, QueryParameter(name="from", required=False, max_length=40)] = None,
        to: Annotated[str | None, QueryParameter(required=False, max_length=40)] = None,
        time_zone: Annotated[str | None, QueryParameter(required=False, max_length=64)] = None,
    ) -> list[Closure]:
        """Closures and blackouts (public): when, where, why. Default: from now on."""
        catalog = deps.catalog
        now = datetime.now(UTC)
        starts = parse_moment(from_, catalog.venue) if from_ else now
        ends = parse_moment(to, catalog.venue, end_of_day=True) if to else now + timedelta(days=3 * 366)
        if starts is None or ends is None:
            raise invalid([("from" if starts is None else "to", "an ISO date or a datetime with an offset")])
        zones = viewer_zones(catalog, viewer, time_zone)
        rows = await closures.closures_during(deps.database, Interval(starts, ends))
        return [_closure(row, zones) for row in rows]

    @delete("/{closure_id:uuid}", operation_id="DeleteClosure")
    async def remove(self, closure_id: uuid.UUID, deps: VenueDependencies, principal: Principal) -> None:
        """Reopen: delete a closure (staff)."""
        require(principal, Role.STAFF)
        if not await closures.reopen(closure_id, deps.database, principal.actor):
            raise ApiError(404, "No such closure", f"closure {closure_id} does not exist")
