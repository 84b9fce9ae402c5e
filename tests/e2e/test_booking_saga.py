"""End to end: an organizer books a hall over HTTP and the saga runs through all four services."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import httpx
import nats
import pytest

from deploy.embedded.stack import Stack
from shared.span_store import read_trace
from tests.e2e.conftest import booking_body, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e

INTERPRETING = {"floor_language": "en", "target_languages": ["zh"]}
BUFFET = {"menu": "western-buffet", "headcount": 200}


def book(venue: httpx.Client, body: dict) -> dict:
    response = venue.post("/bookings", json=body)
    assert response.status_code in (201, 202), response.text
    accepted = response.json()
    # 202 pending while services are arranged; 201 confirmed when none were asked for
    wants_services = bool(body.get("interpreting") or body.get("catering"))
    assert (response.status_code, accepted["status"]) == (
        (202, "pending") if wants_services else (201, "confirmed")
    )
    assert response.headers["location"] == f"/bookings/{accepted['booking_id']}"
    return accepted


def test_spaces_lists_the_catalog_with_layouts_and_capacities(venue):
    spaces = {space["id"]: space for space in venue.get("/spaces").raise_for_status().json()}
    assert {"public-exhibition", "multifunctional-hall", "room-a", "room-ab", "room-abc", "vip-hall"} <= set(
        spaces
    )
    hall = spaces["multifunctional-hall"]
    assert {layout["name"]: layout["capacity"] for layout in hall["layouts"]}["theater"] == 700
    assert hall["fixed_interpretation_booths"] == 4
    assert spaces["room-ab"]["combines"] == ["room-a", "room-b"]


def test_a_forum_with_interpretation_and_buffet_is_confirmed_and_the_organizer_told(venue, stack: Stack):
    accepted = book(venue, booking_body(next_day(), interpreting=INTERPRETING, catering=BUFFET))
    booking = wait_for_outcome(venue, accepted["booking_id"])
    assert booking["status"] == "confirmed", booking
    steps = {step["name"]: step["state"] for step in booking["steps"]}
    assert steps == {"hold": "held", "interpreting": "confirmed", "catering": "confirmed"}
    assert booking["trace_id"] == accepted["trace_id"]

    notify = stack.service("notify").base_url

    def feed() -> list[dict]:
        entries = httpx.get(
            f"{notify}/notifications", params={"booking_id": accepted["booking_id"]}, headers=venue.headers
        ).json()
        return entries if any(entry["event"] == "booking_confirmed" for entry in entries) else []

    events = sorted(entry["event"] for entry in wait_until(feed))
    assert events == ["booking_confirmed", "booking_received"]  # once each, never twice
    mails = wait_until(  # this test's organizer is new: mail to them is about this booking
        lambda: [m for m in stack.smtp.messages() if venue.account["email"] in m["To"]]
    )
    assert "Belt and Road Tourism Forum" in mails[0].as_string()


def test_vendor_tasks_are_published_once_per_vendor_without_personal_data(venue, stack: Stack):
    accepted = book(venue, booking_body(next_day(), interpreting=INTERPRETING, catering=BUFFET))
    assert wait_for_outcome(venue, accepted["booking_id"])["status"] == "confirmed"

    async def tasks_of_booking() -> list[tuple[str, dict]]:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            subscription = await js.subscribe("tasks.>", ordered_consumer=True)
            found = []
            while True:
                try:
                    message = await subscription.next_msg(timeout=1.0)
                except TimeoutError:
                    return found
                body = json.loads(message.data)
                if body["booking_id"] == accepted["booking_id"]:
                    found.append((message.subject, body))
        finally:
            await connection.close()

    tasks = wait_until(
        lambda: (found := asyncio.run(tasks_of_booking())) and len(found) >= 2 and found, timeout=20
    )
    subjects = [subject for subject, _ in tasks]
    assert len(subjects) == len(set(subjects)), "one task per vendor, never two"
    assert {subject.split(".")[1] for subject in subjects} == {"catering", "interpreting"}
    for _, body in tasks:
        text = json.dumps(body)
        assert venue.account["email"] not in text and "Ann Example" not in text


def test_languages_nobody_covers_reject_the_booking_and_free_the_hall(venue):
    day = next_day()
    body = booking_body(
        day, interpreting={"floor_language": "ar", "target_languages": ["zh"]}, catering=BUFFET
    )
    accepted = book(venue, body)
    booking = wait_for_outcome(venue, accepted["booking_id"])
    assert booking["status"] == "rejected"
    assert "ar" in booking["reason"] and "zh" in booking["reason"]
    steps = {step["name"]: step["state"] for step in booking["steps"]}
    assert steps["hold"] == "released" and steps["interpreting"] == "rejected"
    assert steps["catering"] in ("released", "release_queued")
    book(venue, booking_body(day, interpreting=INTERPRETING))  # the same slot is free again


def test_catering_inside_the_lead_time_rejects_the_booking_and_releases_interpreting(venue):
    day = next_day(days_ahead=2)  # past the venue's 24 h notice, inside the caterer's 72 h lead time
    body = booking_body(
        day,
        space_id="room-c",
        layout="classroom",
        attendees=40,
        interpreting=INTERPRETING,
        catering={"menu": "western-buffet", "headcount": 40},
    )
    booking = wait_for_outcome(venue, book(venue, body)["booking_id"])
    assert booking["status"] == "rejected"
    assert "72" in booking["reason"]
    steps = {step["name"]: step["state"] for step in booking["steps"]}
    assert steps["catering"] == "rejected" and steps["interpreting"] in ("released", "release_queued")
    assert steps["hold"] == "released"


def test_an_overlapping_booking_is_refused_at_once_with_the_conflicting_interval(venue):
    day = next_day()
    book(venue, booking_body(day, space_id="room-a", layout="boardroom", attendees=20))
    overlapping = booking_body(
        day,
        space_id="room-ab",
        layout="boardroom",
        attendees=20,
        starts_at=day.replace(hour=18, minute=30).isoformat(),
        ends_at=day.replace(hour=20).isoformat(),
    )
    response = venue.post("/bookings", json=overlapping)
    assert response.status_code == 409
    problem = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    [conflict] = problem["conflicts"]
    assert conflict["ends_at"].startswith(
        (day.replace(hour=18, minute=30) - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M")
    )


def test_bad_input_is_answered_with_the_field_and_the_reason(venue):
    body = booking_body(next_day(), attendees=701)
    response = venue.post("/bookings", json=body)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "attendees", "reason": "multifunctional-hall seats at most 700 in the theater layout"}
    ]
    for forbidden in ("status", "price", "organizer", "discount"):
        response = venue.post("/bookings", json={**booking_body(next_day()), forbidden: "x"})
        assert response.status_code == 400 and forbidden in response.text
    assert venue.get("/bookings/00000000-0000-0000-0000-000000000000").status_code == 404


def test_one_hundred_concurrent_bookings_of_one_slot_accept_exactly_one(venue):
    body = booking_body(next_day(), space_id="room-bc", layout="classroom", attendees=50)

    async def storm() -> list[int]:
        async with httpx.AsyncClient(
            base_url=str(venue.base_url), timeout=60, headers=venue.headers
        ) as client:
            responses = await asyncio.gather(*(client.post("/bookings", json=body) for _ in range(100)))
        return [response.status_code for response in responses]

    statuses = asyncio.run(storm())
    assert statuses.count(201) == 1
    assert statuses.count(409) == 99


def test_one_booking_is_one_trace_across_all_four_services(venue, stack: Stack):
    accepted = book(venue, booking_body(next_day(), interpreting=INTERPRETING, catering=BUFFET))
    assert wait_for_outcome(venue, accepted["booking_id"])["status"] == "confirmed"

    def services_in_trace() -> set[str] | None:
        services = {span.service for span in read_trace(stack.spans_dir, accepted["trace_id"])}
        return services if services >= {"venue", "interpreting", "catering", "notify"} else None

    services = wait_until(services_in_trace, timeout=20)
    assert services == {"venue", "interpreting", "catering", "notify"}
    waterfall = venue.get(f"/bookings/{accepted['booking_id']}/trace").text
    assert accepted["trace_id"] in waterfall and "notify:" in waterfall


def test_the_vip_hall_needs_staff_approval(venue, staff):
    body = booking_body(
        next_day(),
        space_id="vip-hall",
        layout="boardroom",
        attendees=20,
        catering={"menu": "tea-break", "headcount": 20},
    )
    accepted = book(venue, body)
    assert venue.get("/approvals").status_code == 403
    pending = {item["booking_id"] for item in staff.get("/approvals").raise_for_status().json()}
    assert accepted["booking_id"] in pending
    booking = venue.get(f"/bookings/{accepted['booking_id']}").json()
    assert {s["name"]: s["state"] for s in booking["steps"]}["approval"] == "pending"
    assert (
        staff.post(f"/bookings/{accepted['booking_id']}/approval", json={"decision": "reject"}).status_code
        == 422
    )
    staff.post(
        f"/bookings/{accepted['booking_id']}/approval", json={"decision": "approve"}
    ).raise_for_status()
    assert wait_for_outcome(venue, accepted["booking_id"])["status"] == "confirmed"
    again = staff.post(f"/bookings/{accepted['booking_id']}/approval", json={"decision": "approve"})
    assert again.status_code == 409


def test_notify_answers_organizers_only_about_themselves_and_guards_staff_routes(venue, staff, stack: Stack):
    notify = stack.service("notify").base_url
    assert httpx.get(f"{notify}/notifications", params={"email": "x@example.org"}).status_code == 401
    mine = httpx.get(
        f"{notify}/notifications", params={"email": venue.account["email"]}, headers=venue.headers
    )
    assert mine.status_code == 200
    other = httpx.get(
        f"{notify}/notifications", params={"email": "someone@example.org"}, headers=venue.headers
    )
    assert other.status_code == 403
    assert httpx.get(f"{notify}/ops/deliveries", headers=venue.headers).status_code == 403
    assert httpx.get(f"{notify}/ops/deliveries", headers=staff.headers).status_code == 200
    broadcast = {
        "starts_at": "2030-01-01T08:00:00+08:00",
        "ends_at": "2030-01-01T20:00:00+08:00",
        "notices": {"en": {"headline": "Closed", "message": "Typhoon"}},
    }
    assert httpx.post(f"{notify}/staff/broadcasts", json=broadcast, headers=venue.headers).status_code == 403


def test_dietary_counts_reach_the_caterer_and_a_wrong_sum_is_refused(venue, staff, stack: Stack):
    too_many = {"menu": "western-buffet", "headcount": 40, "dietary": {"vegetarian": 30, "halal": 20}}
    body = booking_body(next_day(), space_id="room-c", layout="classroom", attendees=40, catering=too_many)
    booking = wait_for_outcome(venue, book(venue, body)["booking_id"])
    assert booking["status"] == "rejected" and "40" in booking["reason"]
    fine = {
        "menu": "western-buffet",
        "headcount": 40,
        "dietary": {"vegetarian": 6, "halal": 4},
        "allergy_notes": "two guests allergic to peanuts",
    }
    body = booking_body(next_day(), space_id="room-c", layout="classroom", attendees=40, catering=fine)
    booking_id = book(venue, body)["booking_id"]
    assert wait_for_outcome(venue, booking_id)["status"] == "confirmed"
    catering = stack.service("catering").base_url
    assert httpx.get(f"{catering}/orders/{booking_id}/beo").status_code == 401
    beo = httpx.get(f"{catering}/orders/{booking_id}/beo", headers=staff.headers)
    assert beo.status_code == 200 and "peanuts" in beo.text.lower() and "vegetarian" in beo.text.lower()
