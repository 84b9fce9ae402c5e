"""The staff and ops reports over the bookings that start in a period: by status and organizer country,
quoted revenue and cancellation fees per month, and add-on uptake. Pure: the caller reads the bookings.

Revenue counts confirmed bookings at their price (the quote they kept, else the rate card); fees are
those charged on the bookings cancelled. Add-ons count confirmed bookings only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from services.venue.domain.listing import STATUSES

UNKNOWN_COUNTRY = "unknown"


@dataclass(frozen=True)
class ReportBooking:
    status: str
    starts_at: datetime
    ends_at: datetime
    country: str | None  # the organizer's (ISO 3166-1 alpha-2), if known
    price_minor: int
    fee_minor: int  # charged when cancelled (0 otherwise)
    target_languages: tuple[str, ...] = ()
    catering_menu: str | None = None
    catering_covers: int = 0
    network_lines: int = 0


@dataclass(frozen=True)
class StatusCount:
    status: str
    bookings: int


@dataclass(frozen=True)
class CountryCount:
    """An organizer country's bookings, in all and per status."""

    country: str
    bookings: int
    option: int
    pending: int
    confirmed: int
    rejected: int
    cancelled: int
    expired: int


@dataclass(frozen=True)
class MonthRevenue:
    month: str
    confirmed: int
    quoted_revenue_minor: int
    cancellations: int
    cancellation_fees_minor: int


@dataclass(frozen=True)
class AddonUptake:
    addon: str  # interpreting | catering | network_lines
    item: str  # the target language, the menu, or "international line"
    bookings: int
    quantity: float
    unit: str  # hours (of interpretation), covers, lines


def by_status(bookings: Sequence[ReportBooking]) -> list[StatusCount]:
    counted = Counter(booking.status for booking in bookings)
    return [StatusCount(status, counted[status]) for status in STATUSES]


def by_country(bookings: Sequence[ReportBooking]) -> list[CountryCount]:
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    for booking in bookings:
        counted[booking.country or UNKNOWN_COUNTRY][booking.status] += 1
    return [
        CountryCount(country, sum(statuses.values()), *(statuses[status] for status in STATUSES))
        for country, statuses in sorted(counted.items())
    ]


def revenue(bookings: Sequence[ReportBooking], zone: tzinfo) -> list[MonthRevenue]:
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for booking in bookings:
        figures = months[f"{booking.starts_at.astimezone(zone):%Y-%m}"]
        if booking.status == "confirmed":
            figures[0] += 1
            figures[1] += booking.price_minor
        elif booking.status == "cancelled":
            figures[2] += 1
            figures[3] += booking.fee_minor
    return [MonthRevenue(month, *figures) for month, figures in sorted(months.items())]


def addons(bookings: Sequence[ReportBooking]) -> list[AddonUptake]:
    confirmed = [booking for booking in bookings if booking.status == "confirmed"]
    languages: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    menus: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for booking in confirmed:
        hours = (booking.ends_at - booking.starts_at).total_seconds() / 3600
        for language in booking.target_languages:
            languages[language][0] += 1
            languages[language][1] += hours
        if booking.catering_menu:
            menus[booking.catering_menu][0] += 1
            menus[booking.catering_menu][1] += booking.catering_covers
    with_lines = [booking.network_lines for booking in confirmed if booking.network_lines]
    return [
        *(
            AddonUptake("interpreting", lang, int(n), round(h, 2), "hours")
            for lang, (n, h) in sorted(languages.items())
        ),
        *(AddonUptake("catering", menu, n, covers, "covers") for menu, (n, covers) in sorted(menus.items())),
        AddonUptake("network_lines", "international line", len(with_lines), sum(with_lines), "lines"),
    ]
