"""End to end: who may do what. Organizers see only their own bookings; roles guard staff routes."""

from __future__ import annotations

import httpx
import pytest

from deploy.embedded.ports import free_port
from deploy.embedded.process import ServiceProcess
from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, client_for, new_organizer, next_day

pytestmark = pytest.mark.e2e


def test_no_key_or_an_unknown_key_is_401_with_a_challenge(stack: Stack):
    for client in (client_for(stack, None), client_for(stack, "wict_not-a-real-key")):
        with client:
            response = client.get("/bookings/00000000-0000-0000-0000-000000000000")
            assert response.status_code == 401
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert response.headers["content-type"].startswith("application/problem+json")


def test_organizer_b_cannot_see_a_bookings_trace_or_audit(stack: Stack, staff, venue):
    booking_id = venue.post(
        "/bookings", json=booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10)
    ).json()["booking_id"]
    with new_organizer(stack, staff, "Bob Other") as bob:
        for path in (f"/bookings/{booking_id}", f"/bookings/{booking_id}/trace"):
            assert bob.get(path).status_code == 404  # not 403: no oracle for other people's ids
        assert bob.get(f"/bookings/{booking_id}/audit").status_code == 403
    assert venue.get(f"/bookings/{booking_id}").status_code == 200
    assert staff.get(f"/bookings/{booking_id}").status_code == 200


def test_staff_routes_answer_403_to_organizers_and_the_audit_names_the_actor(stack: Stack, staff, ops, venue):
    body = {"name": "Eve", "email": "eve@example.org"}
    assert venue.post("/organizers", json=body).status_code == 403
    assert ops.post("/organizers", json=body).status_code == 403
    booking_id = venue.post(
        "/bookings", json=booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10)
    ).json()["booking_id"]
    trail = staff.get(f"/bookings/{booking_id}/audit").raise_for_status().json()
    assert trail[0]["action"] == "created"
    assert trail[0]["actor"] == f"organizer:{venue.account['account_id']}"
    assert len(trail[0]["trace_id"]) == 32
    assert ops.get(f"/bookings/{booking_id}/audit").status_code == 200


def test_staff_book_on_behalf_of_an_organizer_and_organizers_cannot(stack: Stack, staff, venue):
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10)
    response = staff.post("/bookings", json={**body, "on_behalf_of": venue.account["account_id"]})
    assert response.status_code == 201
    booking = staff.get(response.headers["location"]).json()
    assert booking["organizer_id"] == venue.account["account_id"]
    assert venue.get(response.headers["location"]).status_code == 200  # the organizer sees it as theirs
    refused = venue.post(
        "/bookings",
        json={
            **booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10),
            "on_behalf_of": venue.account["account_id"],
        },
    )
    assert refused.status_code == 403
    assert staff.post("/bookings", json=booking_body(next_day())).status_code == 422  # for whom?


def test_an_oversized_body_is_413(venue):
    response = venue.post(
        "/bookings", content=b"{" + b" " * 70_000 + b"}", headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_too_many_requests_per_client_get_429_and_other_clients_are_unaffected(stack: Stack, staff, venue):
    port = free_port()
    env = {**stack.service_env("venue"), "WICT_HTTP_PORT": str(port), "WICT_RATE_LIMIT_PER_MINUTE": "5"}
    limited = ServiceProcess(
        "venue-limited", "services.venue", env, port, stack.logs_dir / "venue-limited.log"
    )
    limited.start()
    try:
        limited.wait_ready(60)
        me = {"Authorization": venue.headers["authorization"]}
        statuses = [httpx.get(f"{limited.base_url}/me", headers=me).status_code for _ in range(7)]
        assert statuses[:5] == [200] * 5 and statuses[5:] == [429, 429]
        other = {"Authorization": staff.headers["authorization"]}
        assert httpx.get(f"{limited.base_url}/me", headers=other).status_code == 200
    finally:
        assert limited.stop() == 0
