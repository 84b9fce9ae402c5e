"""End to end: quotes, planning requests, calendars, activity records and the performance sheet over HTTP."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, client_for, new_organizer, next_day

pytestmark = pytest.mark.e2e


def small_booking(venue: httpx.Client, **changes) -> str:
    """A boardroom booking without services: confirmed at once."""
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10, **changes)
    response = venue.post("/bookings", json=body)
    assert response.status_code == 201, response.text
    return response.json()["booking_id"]


def test_a_quote_prices_a_booking_request_and_is_kept_for_its_owner(stack: Stack, staff, venue):
    body = booking_body(
        next_day(),
        interpreting={"floor_language": "zh", "target_languages": ["en", "ms"]},
        catering={"menu": "western-buffet", "headcount": 200},
        network_lines=1,
    )
    response = venue.post("/quotes", json=body)
    assert response.status_code == 201, response.text
    quote = response.json()
    assert response.headers["location"] == f"/quotes/{quote['quote_id']}"
    assert quote["currency"] == "CNY" and quote["total_minor"] == sum(
        i["amount_minor"] for i in quote["items"]
    )
    by_item = {item["item"]: item for item in quote["items"]}
    assert by_item["space"]["unit"] == "half-day"  # 14:00-18:00 is exactly four hours
    assert by_item["interpreting-booths"]["quantity"] == 2 and by_item["interpreters"]["quantity"] == 4
    assert by_item["catering"]["amount_minor"] == 200 * 18800
    assert by_item["network-lines"]["quantity"] == 1
    valid = datetime.fromisoformat(quote["valid_until"]) - datetime.fromisoformat(quote["created_at"])
    assert timedelta(days=13) < valid <= timedelta(days=14, seconds=1)
    assert quote["request"]["title"] == body["title"]

    assert venue.get(f"/quotes/{quote['quote_id']}").json() == quote
    assert staff.get(f"/quotes/{quote['quote_id']}").status_code == 200
    with client_for(stack, None) as anonymous:
        assert anonymous.post("/quotes", json=body).status_code == 401


def test_a_quote_that_breaks_a_rule_names_the_field(venue):
    body = booking_body(next_day(), attendees=701, catering={"menu": "hotpot", "headcount": 10})
    response = venue.post("/quotes", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {error["field"] for error in response.json()["errors"]} == {"attendees", "catering.menu"}


def test_another_organizer_gets_404_for_quotes_records_planning_and_calendars(stack: Stack, staff, venue):
    booking_id = small_booking(venue)
    quote_id = venue.post("/quotes", json=booking_body(next_day())).json()["quote_id"]
    planning = {"request": "Please arrange a lion dance", "contact_language": "en"}
    assert venue.post(f"/bookings/{booking_id}/planning-requests", json=planning).status_code == 201
    with new_organizer(stack, staff, "Bob Other") as bob:
        assert bob.get(f"/quotes/{quote_id}").status_code == 404
        assert bob.get(f"/bookings/{booking_id}/quote").status_code == 404
        assert bob.get(f"/bookings/{booking_id}/planning-requests").status_code == 404
        assert bob.post(f"/bookings/{booking_id}/planning-requests", json=planning).status_code == 404
        assert bob.get(f"/bookings/{booking_id}/record").status_code == 404
        assert bob.put(f"/bookings/{booking_id}/record", json={"physical_attendees": 1}).status_code == 404
        assert bob.get(f"/bookings/{booking_id}/calendar.ics").status_code == 404
    assert venue.get(f"/bookings/{booking_id}/record").status_code == 404  # not recorded yet


def test_planning_requests_become_staff_tasks(staff, ops, venue):
    booking_id = small_booking(venue)
    asked = venue.post(
        f"/bookings/{booking_id}/planning-requests", json={"request": "Welcome signage in Malay and English"}
    )
    assert asked.status_code == 201 and asked.json()["status"] == "open"
    task_id = asked.json()["task_id"]
    assert task_id in [
        task["task_id"] for task in staff.get("/planning-tasks", params={"status": "open"}).json()
    ]
    assert venue.get("/planning-tasks").status_code == 403
    me = staff.get("/me").json()["account_id"]
    change = {"status": "in_progress", "assignee_id": me, "notes": "print shop booked"}
    assert venue.patch(f"/planning-tasks/{task_id}", json=change).status_code == 403
    assert ops.patch(f"/planning-tasks/{task_id}", json=change).status_code == 403
    updated = staff.patch(f"/planning-tasks/{task_id}", json=change)
    assert updated.status_code == 200 and updated.json()["assignee_id"] == me
    assert staff.patch(f"/planning-tasks/{task_id}", json={"status": "finished"}).status_code == 400
    seen = venue.get(f"/bookings/{booking_id}/planning-requests").json()
    assert [(t["status"], "notes" in t, "assignee_id" in t) for t in seen] == [("in_progress", False, False)]
    actions = [entry["action"] for entry in staff.get(f"/bookings/{booking_id}/audit").json()]
    assert actions[-2:] == ["planning_requested", "planning_task_updated"]


def test_calendars_are_text_calendar_and_the_space_feed_shows_no_titles(stack: Stack, venue):
    booking_id = small_booking(venue, title="Consular reception; closed, private")
    response = venue.get(f"/bookings/{booking_id}/calendar.ics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    assert response.text.startswith("BEGIN:VCALENDAR\r\n")
    assert f"UID:{booking_id}@wict" in response.text and "STATUS:CONFIRMED" in response.text
    assert "SUMMARY:Consular reception\\; closed\\, private" in response.text
    with client_for(stack, None) as anonymous:
        feed = anonymous.get("/spaces/room-c/calendar.ics")
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
        assert "SUMMARY:Booked" in feed.text and "Consular" not in feed.text and booking_id not in feed.text
        assert anonymous.get("/spaces/moon-base/calendar.ics").status_code == 404
        assert anonymous.get(f"/bookings/{booking_id}/calendar.ics").status_code == 401


def test_a_future_booking_cannot_be_recorded_yet(staff, venue):
    booking_id = small_booking(venue)
    record = {"physical_attendees": 80, "guest_countries": ["AU", "MY"], "media_reports": 2}
    refused = venue.put(f"/bookings/{booking_id}/record", json=record)
    assert refused.status_code == 409 and "afterwards" in refused.json()["detail"]
    assert staff.put(f"/bookings/{booking_id}/record", json=record).status_code == 409
    bad = venue.put(f"/bookings/{booking_id}/record", json={**record, "guest_countries": ["XX"]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "guest_countries[0]"


def test_the_performance_sheet_is_public_and_has_the_published_figures(stack: Stack):
    with client_for(stack, None) as anonymous:
        sheet = anonymous.get("/stats", params={"from": "2026-01-01", "to": "2026-12-31"})
        assert sheet.status_code == 200, sheet.text
        assert set(sheet.json()) == {
            "first_day",
            "last_day",
            "events_held",
            "events_recorded",
            "guests",
            "countries",
            "country_codes",
            "online_attendance",
            "media_reports",
            "cooperation_partners",
        }
        assert all(isinstance(sheet.json()[key], int) for key in ("events_held", "guests", "countries"))
        assert anonymous.get("/stats", params={"from": "2026-12-31", "to": "2026-01-01"}).status_code == 422
        assert anonymous.get("/stats", params={"from": "2026-01-01"}).status_code == 400


def test_network_line_availability_lists_the_pool(stack: Stack):
    day = next_day()
    with client_for(stack, None) as anonymous:
        answer = anonymous.get(
            "/network-lines/availability",
            params={"from": day.isoformat(), "to": (day + timedelta(days=1)).isoformat()},
        )
        assert answer.status_code == 200, answer.text
        lines = answer.json()["lines"]
        assert [line["line_id"] for line in lines] == [f"intl-line-{n}" for n in range(1, 5)]
        assert answer.json()["free_throughout"] == sum(1 for line in lines if not line["busy"])
        too_long = {"from": day.isoformat(), "to": (day + timedelta(days=100)).isoformat()}
        assert anonymous.get("/network-lines/availability", params=too_long).status_code == 422
        # a year the venue cannot have (the schema fuzzing's 500: year 1 at +10:00 is year 0 in UTC)
        ancient = {"from": "0001-01-01T07:21:21+10:00", "to": day.isoformat()}
        refused = anonymous.get("/network-lines/availability", params=ancient)
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"] == "from" and "2000-2100" in refused.text
