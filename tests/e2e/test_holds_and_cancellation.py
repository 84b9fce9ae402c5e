"""End to end: options, their conversion, the waitlist, and cancellation with its fee."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e


def room(day, **changes):
    return booking_body(day, space_id="room-b", layout="boardroom", attendees=20, **changes)


def test_an_option_is_converted_into_a_confirmed_booking_with_services(venue):
    response = venue.post("/holds", json=room(next_day()), params={"days": 3})
    assert response.status_code == 201 and response.json()["status"] == "option"
    booking_id = response.json()["booking_id"]
    option = venue.get(f"/bookings/{booking_id}").json()
    assert option["status"] == "option" and option["hold_expires_at"]
    refused = venue.post("/holds", json=room(next_day(), catering={"menu": "tea-break", "headcount": 20}))
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "catering"
    converted = venue.post(
        f"/bookings/{booking_id}/convert", json={"catering": {"menu": "tea-break", "headcount": 20}}
    )
    assert converted.status_code == 202 and converted.json()["status"] == "pending"
    assert wait_for_outcome(venue, booking_id)["status"] == "confirmed"
    assert venue.post(f"/bookings/{booking_id}/convert", json={}).status_code == 409


def test_the_waitlist_gets_the_slot_when_the_option_is_cancelled(stack: Stack, staff, venue):
    day = next_day()
    option_id = venue.post("/holds", json=room(day)).json()["booking_id"]
    with new_organizer(stack, staff, "Wei Waiting", locale="zh-CN", time_zone="Asia/Shanghai") as waiting:
        assert (
            waiting.post("/waitlist", json=room(next_day())).status_code == 409
        )  # a free slot: just book it
        entry = waiting.post("/waitlist", json=room(day)).json()
        assert entry["place"] == 1
        assert waiting.post(f"/bookings/{option_id}/cancel", json={}).status_code == 404  # not theirs
        cancelled = venue.post(f"/bookings/{option_id}/cancel", json={"reason": "plans changed"}).json()
        assert cancelled["status"] == "cancelled" and cancelled["fee_minor"] == 0
        promoted = wait_until(
            lambda: [e for e in waiting.get("/waitlist").json() if e["status"] == "promoted"]
        )
        option = waiting.get(f"/bookings/{promoted[0]['booking_id']}").json()
        assert (
            option["status"] == "option"
            and option["starts_at"] == venue.get(f"/bookings/{option_id}").json()["starts_at"]
        )


def test_cancelling_a_confirmed_booking_frees_the_hall_and_repeats_answer_the_same(venue):
    day = next_day()
    body = room(day, catering={"menu": "tea-break", "headcount": 20})
    booking_id = venue.post("/bookings", json=body).json()["booking_id"]
    assert wait_for_outcome(venue, booking_id)["status"] == "confirmed"
    preview = venue.post(f"/bookings/{booking_id}/cancel", params={"dry_run": "true"}, json={})
    assert preview.status_code == 200
    fee = preview.json()
    assert (fee["dry_run"], fee["status"], fee["cancelled_at"], fee["fee_percent"]) == (
        True,
        "confirmed",
        None,
        0,
    )
    assert fee["rule"] == [
        {"days_before": 14, "fee_percent": 0},
        {"days_before": 3, "fee_percent": 50},
        {"days_before": 0, "fee_percent": 100},
    ]
    starts_at = datetime.fromisoformat(venue.get(f"/bookings/{booking_id}").json()["starts_at"])
    assert datetime.fromisoformat(fee["fee_rises_at"]) == starts_at - timedelta(days=14)
    assert venue.get(f"/bookings/{booking_id}").json()["status"] == "confirmed"  # nothing written
    first = venue.post(f"/bookings/{booking_id}/cancel", json={"reason": "postponed"})
    assert first.status_code == 200
    assert first.json()["fee_percent"] == 0  # more than 14 days ahead: free
    assert (first.json()["dry_run"], first.json()["fee_base_minor"]) == (False, fee["fee_base_minor"])
    assert fee["fee_base_minor"] > 0
    again = venue.post(f"/bookings/{booking_id}/cancel", params={"dry_run": "true"}, json={}).json()
    assert again["cancelled_at"] == first.json()["cancelled_at"] and again["status"] == "cancelled"
    assert venue.post(f"/bookings/{booking_id}/cancel", json={}).json() == first.json()
    booking = venue.get(f"/bookings/{booking_id}").json()
    assert booking["status"] == "cancelled" and booking["fee_minor"] == 0
    wait_until(
        lambda: (
            {s["name"]: s["state"] for s in venue.get(f"/bookings/{booking_id}").json()["steps"]}["catering"]
            == "released"
        )
    )
    assert venue.post("/bookings", json=room(day)).status_code == 201  # the hall is free again


def test_an_option_that_expires_frees_the_slot_for_the_waitlist(stack: Stack, staff, venue):
    from datetime import UTC, datetime, timedelta

    day = next_day()
    option_id = venue.post("/holds", json=room(day)).json()["booking_id"]
    soon = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    assert venue.patch(f"/holds/{option_id}", json={"expires_at": soon}).status_code == 403  # staff only
    assert staff.patch(f"/holds/{option_id}", json={"expires_at": soon}).status_code == 200
    with new_organizer(stack, staff, "Queue Second") as waiting:
        assert waiting.post("/waitlist", json=room(day)).status_code == 201
        expired = wait_until(
            lambda: venue.get(f"/bookings/{option_id}").json()["status"] == "expired", timeout=30
        )
        assert expired
        promoted = wait_until(
            lambda: [e for e in waiting.get("/waitlist").json() if e["status"] == "promoted"]
        )
        assert waiting.get(f"/bookings/{promoted[0]['booking_id']}").json()["status"] == "option"
    assert venue.post(f"/bookings/{option_id}/convert", json={}).status_code == 409
