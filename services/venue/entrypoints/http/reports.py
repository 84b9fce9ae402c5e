"""Staff and ops reports over HTTP: JSON, or by Accept CSV or an Excel workbook (headers in the caller's
language)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import Provide
from litestar.params import QueryParameter

from services.venue.domain.access import Principal, Role
from services.venue.domain.booking import Interval
from services.venue.domain.catalog import VenueInfo
from services.venue.domain.schedule import parse_moment
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.documented import refusals
from services.venue.entrypoints.http.exports import (
    CSV,
    JSON,
    XLSX,
    Sheet,
    also_as,
    cell,
    table_response,
    wanted_format,
)
from services.venue.entrypoints.http.labels import label, labels
from services.venue.entrypoints.schemas import reports as shapes
from services.venue.handlers.reports import booking_figures, utilisation_report
from shared.http.problems import ApiError, FieldError

LONGEST = timedelta(days=732)
FROM = "a date (the venue's midnight) or a date-time with an offset; default: the first of this month"
TO = "a date (through that day, venue time) or a date-time with an offset; default: the end of this month"
From = Annotated[str | None, QueryParameter(name="from", description=FROM)]
To = Annotated[str | None, QueryParameter(name="to", description=TO)]
ERRORS = refusals(
    e400="from or to is not a date, or the period is empty or longer than two years",
    e403="staff and ops only",
    e406="none of JSON, CSV, XLSX is acceptable to the caller",
)


def _period(starts: str | None, ends: str | None, venue: VenueInfo) -> Interval:
    today = datetime.now(UTC).astimezone(venue.zone).date()
    first_of_month = today.replace(day=1)
    next_month = (first_of_month + timedelta(days=32)).replace(day=1)
    default_start = first_of_month.isoformat()
    default_end = (next_month - timedelta(days=1)).isoformat()
    starts_at = parse_moment((starts or "").strip() or default_start, venue)
    ends_at = parse_moment((ends or "").strip() or default_end, venue, end_of_day=True)
    for name, moment in (("from", starts_at), ("to", ends_at)):
        if moment is None:
            reason = "a date (2027-03-01) or a date-time with an offset"
            raise ApiError(400, "Invalid query parameter", f"{name}: {reason}", [FieldError(name, reason)])
    assert starts_at is not None and ends_at is not None
    if not starts_at < ends_at <= starts_at + LONGEST:
        reason = "must be after from, and at most two years after it"
        raise ApiError(400, "Invalid query parameter", f"to: {reason}", [FieldError("to", reason)])
    return Interval(starts_at, ends_at)


def _sheet(
    name: str, rows: Sequence[msgspec.Struct], fields: Sequence[str], locale: str, venue: VenueInfo
) -> Sheet:
    values = [[cell(getattr(row, field), venue.zone) for field in fields] for row in rows]
    return Sheet(label(name, locale), labels(fields, locale), values)


def _answer(request: Request[Any, Any, Any], body: Any, sheets: list[Sheet], filename: str) -> Response[Any]:
    media_type = wanted_format(request, [JSON, CSV, XLSX])
    if media_type == JSON:
        return Response(body)
    return table_response(media_type, sheets, filename)


def _structs(shape: type[Any], rows: Sequence[Any]) -> list[Any]:
    return [shape(**dataclasses.asdict(row)) for row in rows]


class ReportsController(Controller):
    path = "/reports"
    tags = ["reports"]
    dependencies = {"principal": Provide(authenticate)}

    @get(
        "/utilisation",
        operation_id="GetUtilisationReport",
        operation_class=also_as(CSV, XLSX),
        responses=ERRORS,
    )
    async def utilisation(
        self,
        request: Request[Any, Any, Any],
        deps: VenueDependencies,
        principal: Principal,
        starts: From = None,
        ends: To = None,
    ) -> Response[shapes.UtilisationReport]:
        """Per physical space and month: hours booked over hours open (less closures), buffers apart."""
        require(principal, Role.STAFF, Role.OPS)
        venue = deps.catalog.venue
        period = _period(starts, ends, venue)
        rows = _structs(shapes.SpaceMonth, await utilisation_report(deps.database, deps.catalog, period))
        body = shapes.UtilisationReport(starts_at=period.starts_at, ends_at=period.ends_at, spaces=rows)
        fields = shapes.SpaceMonth.__struct_fields__
        sheet = _sheet("utilisation_sheet", rows, fields, principal.locale, venue)
        return _answer(request, body, [sheet], "utilisation")

    @get("/bookings", operation_id="GetBookingsReport", operation_class=also_as(CSV, XLSX), responses=ERRORS)
    async def bookings(
        self,
        request: Request[Any, Any, Any],
        deps: VenueDependencies,
        principal: Principal,
        starts: From = None,
        ends: To = None,
    ) -> Response[shapes.BookingsReport]:
        """Bookings starting in the period by status and by organizer country (CSV: the country table)."""
        require(principal, Role.STAFF, Role.OPS)
        venue = deps.catalog.venue
        period = _period(starts, ends, venue)
        figures = await booking_figures(deps.database, deps.catalog, deps.rates, period, datetime.now(UTC))
        by_status = _structs(shapes.StatusCount, figures.by_status)
        by_country = _structs(shapes.CountryCount, figures.by_country)
        body = shapes.BookingsReport(
            starts_at=period.starts_at, ends_at=period.ends_at, by_status=by_status, by_country=by_country
        )
        locale = principal.locale
        sheets = [
            _sheet("by_country", by_country, shapes.CountryCount.__struct_fields__, locale, venue),
            _sheet("by_status", by_status, shapes.StatusCount.__struct_fields__, locale, venue),
        ]
        return _answer(request, body, sheets, "bookings")

    @get("/revenue", operation_id="GetRevenueReport", operation_class=also_as(CSV, XLSX), responses=ERRORS)
    async def revenue(
        self,
        request: Request[Any, Any, Any],
        deps: VenueDependencies,
        principal: Principal,
        starts: From = None,
        ends: To = None,
    ) -> Response[shapes.RevenueReport]:
        """Per month of the event: confirmed bookings' quoted revenue, cancellations and their fees."""
        require(principal, Role.STAFF, Role.OPS)
        venue = deps.catalog.venue
        period = _period(starts, ends, venue)
        figures = await booking_figures(deps.database, deps.catalog, deps.rates, period, datetime.now(UTC))
        months = _structs(shapes.MonthRevenue, figures.revenue)
        body = shapes.RevenueReport(
            starts_at=period.starts_at,
            ends_at=period.ends_at,
            currency=deps.rates.currency,
            months=months,
            quoted_revenue_minor=sum(month.quoted_revenue_minor for month in months),
            cancellation_fees_minor=sum(month.cancellation_fees_minor for month in months),
        )
        sheet = _sheet(
            "revenue_sheet", months, shapes.MonthRevenue.__struct_fields__, principal.locale, venue
        )
        return _answer(request, body, [sheet], "revenue")

    @get("/addons", operation_id="GetAddonsReport", operation_class=also_as(CSV, XLSX), responses=ERRORS)
    async def addons(
        self,
        request: Request[Any, Any, Any],
        deps: VenueDependencies,
        principal: Principal,
        starts: From = None,
        ends: To = None,
    ) -> Response[shapes.AddonsReport]:
        """Add-on uptake of confirmed bookings: interpreting languages, catering covers, network lines."""
        require(principal, Role.STAFF, Role.OPS)
        venue = deps.catalog.venue
        period = _period(starts, ends, venue)
        figures = await booking_figures(deps.database, deps.catalog, deps.rates, period, datetime.now(UTC))
        rows = _structs(shapes.AddonUptake, figures.addons)
        body = shapes.AddonsReport(starts_at=period.starts_at, ends_at=period.ends_at, addons=rows)
        sheet = _sheet("addons_sheet", rows, shapes.AddonUptake.__struct_fields__, principal.locale, venue)
        return _answer(request, body, [sheet], "addons")
