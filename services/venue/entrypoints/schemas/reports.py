"""Types of the staff and ops reports (JSON; the same rows come as CSV or a workbook by Accept)."""

from __future__ import annotations

from datetime import datetime

import msgspec


class SpaceMonth(msgspec.Struct, frozen=True, kw_only=True):
    """A physical space in a month: combined bookings count on each room they take."""

    space_id: str
    month: str  # YYYY-MM, venue time
    hours_open: float  # opening hours, less closures
    hours_booked: float  # confirmed events within opening hours
    hours_buffers: float  # their setup and teardown, shown apart
    utilisation: float  # hours_booked / hours_open


class UtilisationReport(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    ends_at: datetime
    spaces: list[SpaceMonth]


class StatusCount(msgspec.Struct, frozen=True, kw_only=True):
    status: str
    bookings: int


class CountryCount(msgspec.Struct, frozen=True, kw_only=True):
    country: str  # ISO 3166-1 alpha-2 of the organizer, or "unknown"
    bookings: int
    option: int
    pending: int
    confirmed: int
    rejected: int
    cancelled: int
    expired: int


class BookingsReport(msgspec.Struct, frozen=True, kw_only=True):
    """The bookings whose event starts in the period."""

    starts_at: datetime
    ends_at: datetime
    by_status: list[StatusCount]
    by_country: list[CountryCount]


class MonthRevenue(msgspec.Struct, frozen=True, kw_only=True):
    month: str
    confirmed: int
    quoted_revenue_minor: int  # confirmed bookings at their kept quote, else the rate card
    cancellations: int
    cancellation_fees_minor: int


class RevenueReport(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    ends_at: datetime
    currency: str
    months: list[MonthRevenue]
    quoted_revenue_minor: int
    cancellation_fees_minor: int


class AddonUptake(msgspec.Struct, frozen=True, kw_only=True):
    addon: str  # interpreting | catering | network_lines
    item: str  # target language, menu, or "international line"
    bookings: int
    quantity: float
    unit: str  # hours (of interpretation), covers, lines


class AddonsReport(msgspec.Struct, frozen=True, kw_only=True):
    """Confirmed bookings starting in the period and the services they took."""

    starts_at: datetime
    ends_at: datetime
    addons: list[AddonUptake]
