"""End to end: finding bookings (lists, filters, CSV, cursor pages) and recurring series, over HTTP.

Organizer B sees nothing of A's in any list, filter, export or series; a series with a conflicting
occurrence is refused whole in all-or-nothing mode and holds the rest when skipping conflicts.
Series use days 300+ ahead, far from the other tests' days (``next_day`` counts up from 20).
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import icalendar
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, new_organizer, next_day

pytestmark = pytest.mark.e2e

CSV = {"Accept": "text/csv"}


def small_room(day: datetime, **changes: Any) -> dict[str, Any]:
    return booking_body(day, space_id="room-c", layout="boardroom", attendees=10, **changes)


def next_link(response: httpx.Response) -> str | None:
    match = re.match(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
    return match.group(1) if match else None


def csv_rows(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # for Excel
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def exdates(feed: icalendar.Calendar) -> set[datetime]:
    master = next(event for event in feed.walk("VEVENT") if "RRULE" in event)
    exdate = master.get("EXDATE") or []
    return {d.dt for entry in (exdate if isinstance(exdate, list) else [exdate]) for d in entry.dts}


def test_organizer_b_sees_nothing_of_a_in_any_list_filter_export_or_series(stack: Stack, staff):
    marker = f"Consular salon {uuid.uuid4().hex[:6]}"
    with new_organizer(stack, staff, "Alice Owner") as alice, new_organizer(stack, staff, "Bob Other") as bob:
        day = next_day(days_ahead=300)
        single = alice.post("/bookings", json=small_room(day, title=marker)).json()["booking_id"]
        body = {**small_room(next_day(days_ahead=301), title=marker), "rrule": "FREQ=WEEKLY;COUNT=3"}
        made = alice.post("/bookings/series", json={**body, "mode": "skip_conflicts"})
        assert made.status_code == 202, made.text
        series_id = made.json()["series_id"]
        alices = {single, *(o["booking_id"] for o in made.json()["occurrences"])}
        assert len(alices) == 4
        assert {b["booking_id"] for b in alice.get("/bookings", params={"q": marker}).json()} == alices

        filters: list[dict[str, Any]] = [
            {},
            {"q": marker},
            {"q": "Alice"},
            {"series_id": series_id},
            {"status": "confirmed"},
            {"space_id": "room-c"},
            {"from": day.date().isoformat(), "to": (day + timedelta(days=30)).date().isoformat()},
            {"sort": "-created_at"},
            {"approval_pending": "false"},
        ]
        for params in filters:
            listed = bob.get("/bookings", params={**params, "limit": 1000})
            assert listed.status_code == 200 and not alices & {b["booking_id"] for b in listed.json()}, params
            exported = bob.get("/bookings", params={**params, "limit": 1000}, headers=CSV)
            assert not alices & {row["Booking"] for row in csv_rows(exported)} and marker not in exported.text
        refused = bob.get("/bookings", params={"organizer_id": alice.account["account_id"]})
        assert refused.status_code == 403 and refused.json()["errors"][0]["field"] == "organizer_id"
        for path in (f"/bookings/series/{series_id}", f"/bookings/series/{series_id}/calendar.ics"):
            assert bob.get(path).status_code == 404
        for query in ("", "?dry_run=true"):
            cancel = f"/bookings/series/{series_id}/cancel{query}"
            assert bob.post(cancel, json={"scope": "all"}).status_code == 404
        assert (
            bob.patch(f"/bookings/series/{series_id}", json={"scope": "all", "title": "Mine"}).status_code
            == 404
        )

        # the owner and the staff desk see them, the desk by the organizer too
        assert alice.get(f"/bookings/series/{series_id}").status_code == 200
        by_alice = staff.get("/bookings", params={"organizer_id": alice.account["account_id"], "limit": 1000})
        assert {b["booking_id"] for b in by_alice.json()} == alices
        assert all(b["organizer_name"] == "Alice Owner" for b in by_alice.json())
        assert (
            staff.get(f"/bookings/series/{series_id}").json()["organizer_id"] == alice.account["account_id"]
        )


def test_a_conflicting_series_is_refused_whole_or_holds_the_rest(stack: Stack, staff, venue):
    start = next_day(days_ahead=320)
    body = {**small_room(start, title="Weekly training"), "rrule": "FREQ=WEEKLY;COUNT=4"}
    first_start = start.replace(hour=14)
    third = first_start + timedelta(weeks=2)
    with new_organizer(stack, staff, "Other Trainer") as other:
        assert other.post("/bookings", json=small_room(third)).status_code == 201

    preview = venue.post("/bookings/series", json={**body, "dry_run": True})
    assert preview.status_code == 200
    assert [o["free"] for o in preview.json()["occurrences"]] == [True, True, False, True]
    assert preview.json()["occurrences"][2]["conflict"] == "taken"

    refused = venue.post("/bookings/series", json={**body, "mode": "all_or_nothing"})
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    (conflict,) = refused.json()["conflicts"]
    assert datetime.fromisoformat(conflict["starts_at"]) == third and conflict["conflict"] == "taken"
    nothing_held = venue.post("/bookings/series", json={**body, "dry_run": True}).json()
    assert [o["free"] for o in nothing_held["occurrences"]] == [True, True, False, True]

    key = {"Idempotency-Key": str(uuid.uuid4())}
    made = venue.post("/bookings/series", json={**body, "mode": "skip_conflicts"}, headers=key)
    assert made.status_code == 202 and made.headers["location"].startswith("/bookings/series/")
    again = venue.post("/bookings/series", json={**body, "mode": "skip_conflicts"}, headers=key)
    assert (again.status_code, again.headers.get("idempotent-replayed")) == (202, "true")
    assert again.json() == made.json()  # the first answer: no second series is booked
    reused = venue.post("/bookings/series", json={**body, "mode": "all_or_nothing"}, headers=key)
    assert reused.status_code == 422 and reused.json()["errors"][0]["field"] == "Idempotency-Key"
    series = made.json()
    occurrences = series["occurrences"]
    assert [o["status"] for o in occurrences] == ["confirmed", "confirmed", "skipped", "confirmed"]
    assert "held then by another booking" in occurrences[2]["reason"]
    booked = [o["booking_id"] for o in occurrences if "booking_id" in o]
    listed = venue.get("/bookings", params={"series_id": series["series_id"]}).json()
    assert [b["booking_id"] for b in listed] == booked and {b["series_id"] for b in listed} == {
        series["series_id"]
    }
    assert venue.get(made.headers["location"]).json() == series

    feed = venue.get(series["calendar"])
    assert feed.headers["content-type"].startswith("text/calendar")
    assert exdates(icalendar.Calendar.from_ical(feed.text)) == {third}

    scope = {"scope": "this_and_following", "booking_id": booked[1], "reason": "the course ends early"}
    # the dry run: each time's fee by the same rule, and nothing cancelled
    seen = venue.post(f"/bookings/series/{series['series_id']}/cancel?dry_run=true", json=scope)
    assert seen.status_code == 200 and seen.json()["dry_run"] is True
    assert [(o["booking_id"], o["status"], o["fee_minor"]) for o in seen.json()["occurrences"]] == [
        (booked[1], "to_be_cancelled", 0),
        (booked[2], "to_be_cancelled", 0),
    ]
    assert all(o["fee_rises_at"] for o in seen.json()["occurrences"])  # free now, dearer nearer the day
    assert {venue.get(f"/bookings/{b}").json()["status"] for b in booked} == {"confirmed"}
    cancelled = venue.post(f"/bookings/series/{series['series_id']}/cancel", json=scope)
    assert cancelled.status_code == 200
    assert [(o["booking_id"], o["status"], o["fee_minor"]) for o in cancelled.json()["occurrences"]] == [
        (booked[1], "cancelled", 0),
        (booked[2], "cancelled", 0),  # months ahead: free by the tiers
    ]
    feed = icalendar.Calendar.from_ical(venue.get(series["calendar"]).text)
    assert exdates(feed) == {first_start + timedelta(weeks=n) for n in (1, 2, 3)}
    refused = venue.post("/bookings/series", json={**body, "rrule": "FREQ=WEEKLY;COUNT=3;BYDAY=XX"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "rrule"


def test_cursor_pages_visit_every_booking_once_while_more_are_made_and_csv_has_the_same_rows(
    stack: Stack, staff
):
    with new_organizer(stack, staff, "Pat Pages") as pat:
        made = {pat.post("/bookings", json=small_room(next_day())).json()["booking_id"] for _ in range(7)}
        seen: list[str] = []
        url: str | None = "/bookings?limit=2"
        while url:
            page = pat.get(url)
            assert page.status_code == 200
            seen += [b["booking_id"] for b in page.json()]
            url = next_link(page)
            if url and len(seen) <= 4:  # one more made while paging: it sorts after the ones seen
                made.add(pat.post("/bookings", json=small_room(next_day())).json()["booking_id"])
        assert len(seen) == len(set(seen)) and set(seen) == made

        as_json = pat.get("/bookings", params={"limit": 3, "sort": "-starts_at"})
        as_csv = pat.get("/bookings", params={"limit": 3, "sort": "-starts_at"}, headers=CSV)
        assert [row["Booking"] for row in csv_rows(as_csv)] == [b["booking_id"] for b in as_json.json()]
        assert next_link(as_csv) == next_link(as_json)
        first = csv_rows(as_csv)[0]
        assert datetime.fromisoformat(first["Starts"]) == datetime.fromisoformat(
            as_json.json()[0]["starts_at"]
        )
        assert first["Starts"].endswith("+08:00")  # the venue's time, for people reading it in Excel

        bad = pat.get("/bookings", params={"cursor": "not-ours"})
        assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "cursor"
        assert pat.get("/bookings", params={"q": "ab"}).json()["errors"][0]["field"] == "q"
