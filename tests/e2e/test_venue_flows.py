"""End to end: the venue flows of issue 3 that need the whole stack — races, idempotency,
approval deadlines, changes that fail or succeed, and the cancellation fee at each tier."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess
from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, client_for, new_organizer, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e


def storm(client: httpx.Client, requests: list[tuple[str, dict, dict]]) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(
            base_url=str(client.base_url), headers=client.headers, timeout=60
        ) as many:
            return list(
                await asyncio.gather(
                    *(many.post(path, json=body, headers=headers) for path, body, headers in requests)
                )
            )

    return asyncio.run(run())


def test_concurrent_bookings_of_a_plus_b_and_of_b_accept_exactly_one(venue):
    day = next_day()
    bodies = [
        booking_body(day, space_id=space, layout="boardroom", attendees=20) for space in ("room-ab", "room-b")
    ]
    responses = storm(venue, [("/bookings", bodies[i % 2], {}) for i in range(40)])
    statuses = [response.status_code for response in responses]
    assert statuses.count(201) == 1 and statuses.count(409) == 39


def test_the_same_idempotency_key_sent_concurrently_gives_one_booking(venue):
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=20)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    responses = storm(venue, [("/bookings", body, key)] * 20)
    assert {response.status_code for response in responses} == {201}
    assert len({response.json()["booking_id"] for response in responses}) == 1


def test_no_staff_decision_before_the_approval_deadline_frees_the_vip_hall(stack: Stack, venue):
    port = free_port()
    env = {**stack.service_env("venue"), "WICT_HTTP_PORT": str(port), "WICT_APPROVAL_TIMEOUT_SECONDS": "2"}
    impatient = ServiceProcess(
        "venue-impatient", "services.venue", env, port, stack.logs_dir / "venue-impatient.log"
    )
    impatient.start()
    try:
        impatient.wait_ready(60)
        with httpx.Client(base_url=impatient.base_url, headers=venue.headers, timeout=30) as client:
            body = booking_body(next_day(), space_id="vip-hall", layout="boardroom", attendees=10)
            booking_id = client.post("/bookings", json=body).json()["booking_id"]
            booking = wait_for_outcome(venue, booking_id)
        assert booking["status"] == "rejected" and "did not decide" in booking["reason"]
        assert {s["name"]: s["state"] for s in booking["steps"]}["hold"] == "released"
    finally:
        assert impatient.stop() == 0


def test_a_change_that_cannot_be_served_leaves_the_booking_as_it_was(venue):
    body = booking_body(next_day(), interpreting={"floor_language": "en", "target_languages": ["zh"]})
    booking_id = venue.post("/bookings", json=body).json()["booking_id"]
    before = wait_for_outcome(venue, booking_id)
    assert before["status"] == "confirmed"
    response = venue.patch(
        f"/bookings/{booking_id}", json={"interpreting": {"floor_language": "ar", "target_languages": ["zh"]}}
    )
    assert response.status_code == 202 and response.json()["revision"] == 1
    change = wait_until(
        lambda: [c for c in venue.get(f"/bookings/{booking_id}/changes").json() if c["state"] != "running"]
    )[0]
    assert change["state"] == "rejected" and "ar" in change["reason"]
    after = venue.get(f"/bookings/{booking_id}").json()
    assert {k: after[k] for k in ("status", "starts_at", "interpreting", "blocked")} == {
        k: before[k] for k in ("status", "starts_at", "interpreting", "blocked")
    }


def test_a_change_of_time_is_arranged_everywhere_then_replaces_the_old_plan(venue):
    day = next_day()
    body = booking_body(
        day,
        space_id="room-a",
        layout="boardroom",
        attendees=20,
        catering={"menu": "tea-break", "headcount": 20},
    )
    booking_id = venue.post("/bookings", json=body).json()["booking_id"]
    assert wait_for_outcome(venue, booking_id)["status"] == "confirmed"
    later = {"starts_at": day.replace(hour=15).isoformat(), "ends_at": day.replace(hour=19).isoformat()}
    assert venue.patch(f"/bookings/{booking_id}", json=later).status_code == 202
    change = wait_until(
        lambda: [c for c in venue.get(f"/bookings/{booking_id}/changes").json() if c["state"] != "running"]
    )[0]
    assert change["state"] == "applied", change
    booking = venue.get(f"/bookings/{booking_id}").json()
    assert booking["local"]["venue"]["starts_at"].startswith(day.replace(hour=15).strftime("%Y-%m-%dT%H:%M"))
    # the old slot is free again, the new one is not
    earlier = booking_body(
        day,
        space_id="room-a",
        layout="boardroom",
        attendees=20,
        starts_at=day.replace(hour=9).isoformat(),
        ends_at=day.replace(hour=13).isoformat(),
    )
    assert venue.post("/bookings", json=earlier).status_code == 201
    assert (
        venue.post(
            "/bookings",
            json={
                **earlier,
                "starts_at": day.replace(hour=16).isoformat(),
                "ends_at": day.replace(hour=18).isoformat(),
            },
        ).status_code
        == 409
    )


@pytest.mark.parametrize(("days_ahead", "percent"), [(30, 0), (8, 50), (2, 100)])
def test_the_cancellation_fee_at_each_tier(stack: Stack, staff, days_ahead, percent):
    with new_organizer(stack, staff, "Tier Tester") as organizer:
        body = booking_body(
            next_day(days_ahead), space_id="experience-center", layout="reception", attendees=50
        )
        response = organizer.post("/bookings", json=body)
        assert response.status_code == 201, response.text
        booking_id = response.json()["booking_id"]
        cancelled = organizer.post(f"/bookings/{booking_id}/cancel", json={}).json()
        assert cancelled["fee_percent"] == percent
        assert cancelled["fee_minor"] == cancelled["fee_base_minor"] * percent // 100 > 0 or percent == 0
        assert cancelled["fee_base_minor"] > 0 and cancelled["currency"] == "CNY"


def test_another_organizer_can_neither_change_nor_cancel_a_booking(stack: Stack, staff, venue):
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10)
    booking_id = venue.post("/bookings", json=body).json()["booking_id"]
    with new_organizer(stack, staff, "Mallory Other") as mallory:
        assert mallory.patch(f"/bookings/{booking_id}", json={"attendees": 12}).status_code == 404
        assert mallory.post(f"/bookings/{booking_id}/cancel", json={}).status_code == 404
        assert mallory.get(f"/bookings/{booking_id}/changes").status_code == 404
    with client_for(stack, None) as anonymous:
        assert anonymous.patch(f"/bookings/{booking_id}", json={"attendees": 12}).status_code == 401
    assert venue.get(f"/bookings/{booking_id}").json()["attendees"] == 10


def test_every_post_honours_the_idempotency_key_even_sent_concurrently(venue):
    body = booking_body(next_day(), space_id="room-a", layout="theater", attendees=100)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    responses = storm(venue, [("/quotes", body, key)] * 10)
    assert {response.status_code for response in responses} == {201}
    assert len({response.json()["quote_id"] for response in responses}) == 1
    assert len({response.headers.get("location") for response in responses}) == 1
    other = venue.post("/quotes", json={**body, "attendees": 120}, headers=key)
    assert other.status_code == 422 and other.json()["errors"][0]["field"] == "Idempotency-Key"
    fresh = venue.post("/quotes", json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert fresh.json()["quote_id"] != responses[0].json()["quote_id"]
