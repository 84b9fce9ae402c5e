"""Use cases of the staff and ops reports: read a period's bookings once, then add them up (domain)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain import reports
from services.venue.domain.booking import Interval
from services.venue.domain.catalog import Catalog
from services.venue.domain.quotes import booked_request, price
from services.venue.domain.rates import RateCard
from services.venue.domain.utilisation import HeldTime, UnitClosure, Utilisation, utilisation


@dataclass(frozen=True)
class Figures:
    by_status: list[reports.StatusCount]
    by_country: list[reports.CountryCount]
    revenue: list[reports.MonthRevenue]
    addons: list[reports.AddonUptake]


async def utilisation_report(
    database: VenueDatabase, catalog: Catalog, period: Interval
) -> list[Utilisation]:
    """Per physical space and month: hours open (less closures), booked, and setup and teardown."""
    reach_back = period.starts_at - catalog.venue.max_duration  # an event begun before, still running
    async with database.autocommit() as unit:
        rows = await unit.reports.bookings(reach_back, period.ends_at)
        closed = await unit.reports.closures(period.starts_at, period.ends_at)
    held = [
        HeldTime(
            units=tuple(space.units),
            event=Interval(row["starts_at"], row["ends_at"]),
            blocked=Interval(row["blocked_from"], row["blocked_to"]),
        )
        for row in rows
        if row["status"] == "confirmed" and (space := catalog.space(row["space_id"])) is not None
    ]
    closures = [UnitClosure(row["unit"], Interval(row["starts_at"], row["ends_at"])) for row in closed]
    return utilisation(catalog, period, held, closures)


async def booking_figures(
    database: VenueDatabase, catalog: Catalog, rates: RateCard, period: Interval, now: datetime
) -> Figures:
    """The bookings starting in the period: by status and country, revenue and fees, add-on uptake."""
    async with database.autocommit() as unit:
        rows = await unit.reports.bookings(period.starts_at, period.ends_at)
    counted = [_report_booking(row, catalog, rates, now) for row in rows]
    return Figures(
        by_status=reports.by_status(counted),
        by_country=reports.by_country(counted),
        revenue=reports.revenue(counted, catalog.venue.zone),
        addons=reports.addons(counted),
    )


def _report_booking(row: Any, catalog: Catalog, rates: RateCard, now: datetime) -> reports.ReportBooking:
    interpreting, catering = row["interpreting"] or {}, row["catering"] or {}
    return reports.ReportBooking(
        status=row["status"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        country=row["country"],
        price_minor=_price(row, catalog, rates, now) if row["status"] == "confirmed" else 0,
        fee_minor=row["fee_minor"],
        target_languages=tuple(interpreting.get("target_languages", ())),
        catering_menu=catering.get("menu"),
        catering_covers=catering.get("headcount", 0),
        network_lines=row["network_lines"],
    )


def _price(row: Any, catalog: Catalog, rates: RateCard, now: datetime) -> int:
    """The quote the booking kept, else today's rate card (as a cancellation fee's base is found)."""
    if row["quoted_minor"] is not None:
        return int(row["quoted_minor"])
    if catalog.space(row["space_id"]) is None:
        return 0
    return price(booked_request(row), catalog, rates, now).total
