"""End to end: the staff reports equal what the bookings say, in JSON, CSV and XLSX.

The bookings are made over HTTP in a month 400+ days ahead, where no other test books, and the
expected figures are worked out here from the bookings as the API shows them (list, booking, quote).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

import openpyxl
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import SHANGHAI, booking_body, new_organizer, next_day, wait_for_outcome

pytestmark = pytest.mark.e2e

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def quiet_month() -> tuple[date, date]:
    """The first whole calendar month starting 400 days ahead or later."""
    later = next_day(days_ahead=400).date()
    first = (later.replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), SHANGHAI)


def quoted_booking(client: Any, body: dict[str, Any]) -> tuple[str, int]:
    quote = client.post("/quotes", json=body).json()
    answer = client.post("/bookings", json={**body, "quote_id": quote["quote_id"]})
    assert answer.status_code in (201, 202), answer.text
    return answer.json()["booking_id"], quote["total_minor"]


def booked_half_hours(booking: dict[str, Any]) -> int:
    """Half hours of the event within opening hours (08:00-22:00 venue time)."""
    slot, end, count = (
        datetime.fromisoformat(booking["starts_at"]),
        datetime.fromisoformat(booking["ends_at"]),
        0,
    )
    while slot < end:
        count += time(8) <= slot.astimezone(SHANGHAI).time() < time(22)
        slot += timedelta(minutes=30)
    return count


def test_the_reports_equal_what_the_bookings_say(stack: Stack, staff):
    first, last = quiet_month()
    period = {"from": first.isoformat(), "to": last.isoformat()}
    days = [first + timedelta(days=n) for n in (2, 5, 9, 12, 16)]
    with (
        new_organizer(stack, staff, "Tourism Board", country="AU") as australia,
        new_organizer(stack, staff, "Trade Office", country="MY") as malaysia,
        new_organizer(stack, staff, "Local Firm") as unknown,
    ):
        countries = {australia.account["account_id"]: "AU", malaysia.account["account_id"]: "MY"}
        services = {
            "interpreting": {"floor_language": "en", "target_languages": ["zh"]},
            "catering": {"menu": "tea-break", "headcount": 40},
        }
        forum, _ = quoted_booking(
            australia, booking_body(at(days[0], 0), space_id="room-a", attendees=80, **services)
        )
        quoted_booking(
            malaysia,
            booking_body(
                at(days[1], 0), space_id="room-ab", layout="theater", attendees=200, network_lines=1
            ),
        )
        dropped, _ = quoted_booking(
            australia, booking_body(at(days[2], 0), space_id="room-c", layout="boardroom", attendees=10)
        )
        quoted_booking(
            unknown,
            booking_body(at(days[3], 0), space_id="experience-center", layout="reception", attendees=100),
        )
        quoted_booking(
            malaysia, booking_body(at(days[4], 0), space_id="vip-hall", layout="boardroom", attendees=12)
        )
        assert wait_for_outcome(australia, forum)["status"] == "confirmed"
        assert australia.post(f"/bookings/{dropped}/cancel", json={"reason": "postponed"}).status_code == 200
        assert australia.get("/reports/bookings", params=period).status_code == 403  # staff and ops only

    listed = staff.get("/bookings", params={**period, "limit": 1000}).json()
    assert len(listed) == 5
    bookings = {b["booking_id"]: staff.get(f"/bookings/{b['booking_id']}").json() for b in listed}
    confirmed = [b for b in bookings.values() if b["status"] == "confirmed"]

    report = staff.get("/reports/bookings", params=period).json()
    assert {row["status"]: row["bookings"] for row in report["by_status"] if row["bookings"]} == Counter(
        b["status"] for b in listed
    )
    assert {row["country"]: row["bookings"] for row in report["by_country"]} == Counter(
        countries.get(b["organizer_id"], "unknown") for b in listed
    )
    pending = staff.get("/bookings", params={**period, "approval_pending": "true"}).json()
    assert [b["space_id"] for b in pending] == ["vip-hall"]

    revenue = staff.get("/reports/revenue", params=period).json()
    quotes = {b["booking_id"]: staff.get(f"/bookings/{b['booking_id']}/quote").json() for b in confirmed}
    assert revenue["quoted_revenue_minor"] == sum(q["total_minor"] for q in quotes.values())
    (month,) = revenue["months"]
    assert month["confirmed"] == len(confirmed)
    assert (month["cancellations"], month["cancellation_fees_minor"]) == (
        1,
        sum(b["fee_minor"] or 0 for b in bookings.values() if b["status"] == "cancelled"),
    )

    addons = {
        (row["addon"], row["item"]): row
        for row in staff.get("/reports/addons", params=period).json()["addons"]
    }
    with_services = [b for b in confirmed if b.get("interpreting")]
    assert addons[("interpreting", "zh")]["bookings"] == len(with_services)
    assert addons[("catering", "tea-break")]["quantity"] == sum(
        b["catering"]["headcount"] for b in confirmed if b.get("catering")
    )
    assert addons[("network_lines", "international line")]["quantity"] == sum(
        q["request"]["network_lines"] for q in quotes.values()
    )

    utilisation = staff.get("/reports/utilisation", params=period).json()["spaces"]
    booked: Counter[str] = Counter()
    for b in confirmed:
        for unit in {"room-ab": ["room-a", "room-b"]}.get(b["space_id"], [b["space_id"]]):
            booked[unit] += booked_half_hours(b)
    open_hours = 14 * (last - first).days + 14
    for row in utilisation:
        assert (row["hours_open"], row["hours_booked"]) == (open_hours, booked[row["space_id"]] / 2), row

    as_csv = staff.get("/reports/utilisation", params=period, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert [[row[0], float(row[3])] for row in rows[1:]] == [
        [r["space_id"], r["hours_booked"]] for r in utilisation
    ]
    workbook = openpyxl.load_workbook(
        io.BytesIO(staff.get("/reports/revenue", params=period, headers={"Accept": XLSX}).content)
    )
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["Quoted revenue (minor units)"] == month["quoted_revenue_minor"]
