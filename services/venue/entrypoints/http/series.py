"""Recurring series over HTTP: preview and make one, read it, its calendar feed, change or cancel part of it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from litestar import Controller, Response, get, patch, post
from litestar.di import Provide
from litestar.openapi import ResponseSpec
from litestar.params import QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED

from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import check
from services.venue.domain.series import RuleError, expand
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.booking_requests import booking_errors, new_booking, organizer_for
from services.venue.entrypoints.http.bookings import IdempotencyKey
from services.venue.entrypoints.http.documented import refusals
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.http.series_views import (
    cancellation_answer,
    change_answer,
    preview_answer,
    series_answer,
)
from services.venue.entrypoints.schemas.bookings import BookingCreate
from services.venue.entrypoints.schemas.series import (
    Series,
    SeriesCancel,
    SeriesCancellation,
    SeriesChange,
    SeriesCreate,
    SeriesPreview,
    SeriesUpdate,
)
from services.venue.handlers import series as use_cases
from services.venue.handlers.calendars import series_calendar_text
from services.venue.handlers.errors import InvalidBooking
from services.venue.handlers.series_changes import (
    SeriesScope,
    cancel_in_series,
    change_in_series,
    preview_cancel_in_series,
)
from shared.http.problems import ApiError, FieldError

ICS = "text/calendar; charset=utf-8"


def _refused(outcomes: list[use_cases.Outcome]) -> ApiError:
    conflicts = [
        {"starts_at": o.occurrence.starts_at.isoformat(), "ends_at": o.occurrence.ends_at.isoformat()}
        | {"reason": o.reason or "", "conflict": o.conflict or ""}
        for o in outcomes
        if not o.free
    ]
    detail = f"{len(conflicts)} of {len(outcomes)} occurrences cannot be held; nothing was held"
    return ApiError(
        409,
        "The series conflicts",
        detail,
        [FieldError("rrule", "occurrences conflict: see conflicts, or choose skip_conflicts")],
        conflicts=conflicts,
    )


async def _request(
    data: SeriesCreate, deps: VenueDependencies, principal: Principal
) -> use_cases.SeriesRequest:
    """The use case's request: the first occurrence as POST /bookings takes it, and the rule expanded."""
    if data.quote_id is not None:
        reason = "a quote prices one booking; each occurrence is priced by the rate card"
        raise ApiError(422, "Not for a series", reason, [FieldError("quote_id", reason)])
    booking = BookingCreate(
        **{name: getattr(data, name) for name in BookingCreate.__struct_fields__ if hasattr(data, name)}
    )
    first = new_booking(booking, await organizer_for(booking, principal, deps), principal, None)
    venue = deps.catalog.venue
    with booking_errors():
        if violations := check(first.request, deps.catalog, datetime.now(UTC)):
            raise InvalidBooking(violations)
    try:
        limit = deps.config.series_max_occurrences
        recurrence = expand(data.rrule, data.starts_at, data.ends_at, venue.zone, limit)
    except RuleError as error:
        raise ApiError(
            422, "The rule cannot make a series", error.reason, [FieldError(error.field, error.reason)]
        ) from None
    return use_cases.SeriesRequest(first, recurrence, data.mode, venue.time_zone)


class SeriesController(Controller):
    path = "/bookings/series"
    tags = ["series"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @post(
        "/",
        operation_id="CreateBookingSeries",
        status_code=HTTP_202_ACCEPTED,
        responses={
            200: ResponseSpec(
                SeriesPreview,
                description="dry_run: each occurrence free or not, and why",
                generate_examples=False,
            ),
            **refusals(
                e409="all_or_nothing and an occurrence conflicts (listed in `conflicts`), or none is free",
                e422="a booking field or the rule (rrule, or starts_at not its first occurrence) is refused",
            ),
        },
    )
    async def create(
        self,
        data: SeriesCreate,
        deps: VenueDependencies,
        principal: Principal,
        idempotency_key: IdempotencyKey = None,
    ) -> Response[Any]:
        """A booking on every occurrence of an RRULE, each with its own saga; `dry_run` only lists them.
        With an `Idempotency-Key` a repeat (also a concurrent one) answers the first answer and books
        nothing more; a refusal is kept too, so try again with a new key."""
        del idempotency_key  # the venue's idempotency middleware answers repeats (http/idempotency.py)
        require(principal, Role.ORGANIZER, Role.STAFF)
        request = await _request(data, deps, principal)
        now = datetime.now(UTC)
        if data.dry_run:
            outcomes = await use_cases.preview_series(deps.database, request, deps.catalog, deps.saga, now)
            return Response(preview_answer(request.recurrence.rule, outcomes), status_code=HTTP_200_OK)
        try:
            series_id, _ = await use_cases.create_series(deps.database, request, deps.catalog, deps.saga, now)
        except use_cases.SeriesRefused as refused:
            raise _refused(refused.outcomes) from None
        series, occurrences = await use_cases.series_of(deps.database, principal, series_id)
        return Response(
            series_answer(series, occurrences),
            status_code=HTTP_202_ACCEPTED,
            headers={"Location": f"{self.path}/{series_id}"},
        )

    @get(
        "/{series_id:uuid}",
        operation_id="GetBookingSeries",
        responses=refusals(e404="no such series of yours"),
    )
    async def get_series(self, series_id: uuid.UUID, deps: VenueDependencies, principal: Principal) -> Series:
        """The series: its rule and every occurrence with its booking's status, or why it was skipped."""
        series, occurrences = await use_cases.series_of(deps.database, principal, series_id)
        return series_answer(series, occurrences)

    @get(
        "/{series_id:uuid}/calendar.ics",
        operation_id="GetBookingSeriesCalendar",
        media_type=ICS,
        responses=refusals(e404="no such series of yours"),
    )
    async def calendar(
        self, series_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> Response[str]:
        """The series as one iCalendar event: RRULE, EXDATE for occurrences not taking place, moved ones."""
        text = await series_calendar_text(
            deps.database, principal, deps.catalog, series_id, datetime.now(UTC)
        )
        return Response(
            text, media_type=ICS, headers={"Content-Disposition": f'inline; filename="{series_id}.ics"'}
        )

    @post(
        "/{series_id:uuid}/cancel",
        operation_id="CancelBookingSeries",
        status_code=HTTP_200_OK,
        responses=refusals(e404="no such series of yours", e422="booking_id missing, or not of this series"),
    )
    async def cancel(
        self,
        series_id: uuid.UUID,
        data: SeriesCancel,
        deps: VenueDependencies,
        principal: Principal,
        dry_run: Annotated[bool, QueryParameter(name="dry_run", required=False)] = False,
    ) -> SeriesCancellation:
        """Cancel one occurrence, it and the following ones, or all still to come; a fee per occurrence.
        ``?dry_run=true`` answers each occurrence's fee cancelling now would charge, and cancels nothing."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        if dry_run:
            seen = await preview_cancel_in_series(
                deps.database,
                principal,
                series_id,
                SeriesScope(data.scope, data.booking_id),
                datetime.now(UTC),
                deps.cancellation_tiers,
                deps.price_of,
            )
            return cancellation_answer(series_id, seen, dry_run=True)
        done = await cancel_in_series(
            deps.database,
            principal,
            series_id,
            SeriesScope(data.scope, data.booking_id),
            data.reason,
            datetime.now(UTC),
            deps.catalog,
            deps.saga,
            deps.cancellation_tiers,
            deps.price_of,
        )
        return cancellation_answer(series_id, done)

    @patch(
        "/{series_id:uuid}",
        operation_id="ChangeBookingSeries",
        status_code=HTTP_202_ACCEPTED,
        responses=refusals(e404="no such series of yours", e422="booking_id missing, or not of this series"),
    )
    async def change(
        self, series_id: uuid.UUID, data: SeriesUpdate, deps: VenueDependencies, principal: Principal
    ) -> SeriesChange:
        """Change one occurrence, it and the following ones, or all still to come (each its own change)."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        plan = {
            name: value
            for name in SeriesUpdate.__struct_fields__
            if name not in ("scope", "booking_id") and (value := getattr(data, name)) is not msgspec.UNSET
        }
        for service in ("interpreting", "catering"):
            if plan.get(service) is not None:
                plan[service] = msgspec.to_builtins(plan[service])
        done = await change_in_series(
            deps.database,
            principal,
            series_id,
            SeriesScope(data.scope, data.booking_id),
            plan,
            datetime.now(UTC),
            deps.catalog,
            deps.saga,
        )
        return change_answer(series_id, done)
