"""The staff reports as figures a page can draw: each a list of bars (a label, its figures, its share of
the longest bar), the chart and its table being one thing. From GET /reports/*'s JSON. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from services.web.domain.messages import N_

REPORTS = ("utilisation", "bookings", "revenue", "addons")
LONGEST_DAYS = 2 * 366  # the venue reports at most two years at once


@dataclass(frozen=True)
class Bar:
    label: str  # a code (space id, status, country, month, menu) the page names in its language
    value: float  # what the bar's length shows
    share: float  # 0..1 of the chart's width
    figures: tuple[Any, ...] = ()  # further figures of the row, in the table's order


def _bars(rows: list[tuple[str, float, tuple[Any, ...]]], scale: float | None = None) -> list[Bar]:
    top = scale or max((value for _, value, _ in rows), default=0.0) or 1.0
    return [Bar(label, value, min(1.0, value / top), figures) for label, value, figures in rows]


def utilisation(report: dict[str, Any]) -> list[Bar]:
    """Per space over the whole period: hours booked over hours open (buffers apart); share = the ratio."""
    totals: dict[str, list[float]] = {}
    for row in report.get("spaces", []):
        booked, opened, buffers = totals.setdefault(row["space_id"], [0.0, 0.0, 0.0])
        totals[row["space_id"]] = [
            booked + row["hours_booked"],
            opened + row["hours_open"],
            buffers + row["hours_buffers"],
        ]
    rows = [
        (space, round(100 * booked / opened, 1) if opened else 0.0, (booked, opened, buffers))
        for space, (booked, opened, buffers) in totals.items()
    ]
    return _bars(rows, scale=100.0)


def bookings_by_status(report: dict[str, Any]) -> list[Bar]:
    return _bars([(row["status"], row["bookings"], ()) for row in report.get("by_status", [])])


def bookings_by_country(report: dict[str, Any]) -> list[Bar]:
    rows = [
        (row["country"], row["bookings"], (row["confirmed"], row["cancelled"]))
        for row in sorted(report.get("by_country", []), key=lambda r: -r["bookings"])
    ]
    return _bars(rows)


def revenue(report: dict[str, Any]) -> list[Bar]:
    """Per month: the confirmed bookings' price; figures: bookings, cancellations and their fees."""
    rows = [
        (
            row["month"],
            row["quoted_revenue_minor"],
            (row["confirmed"], row["cancellations"], row["cancellation_fees_minor"]),
        )
        for row in report.get("months", [])
    ]
    return _bars(rows)


def addons(report: dict[str, Any]) -> dict[str, list[Bar]]:
    """Per kind of add-on (interpreting hours, catering covers, network lines): each item's quantity."""
    groups: dict[str, list[tuple[str, float, tuple[Any, ...]]]] = {}
    for row in report.get("addons", []):
        groups.setdefault(row["addon"], []).append(
            (row["item"], row["quantity"], (row["unit"], row["bookings"]))
        )
    return {addon: _bars(rows) for addon, rows in groups.items()}


def period(start: str, end: str, today: date) -> tuple[dict[str, str], dict[str, str]]:
    """The query of the reports (empty: the venue's default, this month) and the fields to fix."""
    chosen, errors = {}, {}
    days = {}
    for name, text in (("start", start), ("end", end)):
        if not text:
            continue
        try:
            days[name] = date.fromisoformat(text)
        except ValueError:
            errors[name] = N_("Enter a day like 2027-03-02.")
            continue
        chosen["from" if name == "start" else "to"] = text
    first, last = days.get("start", today.replace(day=1)), days.get("end")
    if last is not None and last < first:
        errors["end"] = N_("The last day comes before the first.")
    elif last is not None and last - first > timedelta(days=LONGEST_DAYS):
        errors["end"] = N_("Choose at most two years.")
    return ({} if errors else chosen), errors
