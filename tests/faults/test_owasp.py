"""Scenario 10: the OWASP API Security Top 10 checks that apply to the venue API.

API1 (object level): organizer B gets for each of A's bookings exactly what a booking that does not exist
gets, on every route that names a booking (the route list is taken from the OpenAPI document, so a new
route without a case here fails), and nothing of A's changes. API5 (function level): organizers get 403 on
staff and ops routes. API3 (property level): fields the client must not set are 400. API2 (authentication):
tokens are covered in tests/e2e/test_access_tokens.py. API4 (resources): 413 and 429 are covered in
tests/e2e/test_access_control.py.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome

pytestmark = pytest.mark.e2e

# every route that names a booking, with a body that passes validation (so ownership is what answers)
BOOKING_ROUTES: dict[tuple[str, str], dict[str, Any] | None] = {
    ("GET", "/bookings/{booking_id}"): None,
    ("PATCH", "/bookings/{booking_id}"): {"attendees": 25},
    ("GET", "/bookings/{booking_id}/trace"): None,
    ("GET", "/bookings/{booking_id}/audit"): None,
    ("GET", "/bookings/{booking_id}/changes"): None,
    ("GET", "/bookings/{booking_id}/calendar.ics"): None,
    ("POST", "/bookings/{booking_id}/approval"): {"decision": "approve"},
    ("POST", "/bookings/{booking_id}/convert"): {},
    ("PATCH", "/holds/{booking_id}"): {"expires_at": "2030-01-01T00:00:00Z"},
    ("POST", "/bookings/{booking_id}/cancel"): {"reason": "not mine"},
    ("GET", "/bookings/{booking_id}/quote"): None,
    ("POST", "/bookings/{booking_id}/planning-requests"): {"request": "A lion dance, please"},
    ("GET", "/bookings/{booking_id}/planning-requests"): None,
    ("PUT", "/bookings/{booking_id}/record"): {"physical_attendees": 1},
    ("GET", "/bookings/{booking_id}/record"): None,
    ("PUT", "/bookings/{booking_id}/guests"): {"guests": [{"full_name": "Eve", "nationality": "AU"}]},
    ("GET", "/bookings/{booking_id}/guests"): None,
    ("PUT", "/bookings/{booking_id}/public"): {"public": True},
    # guests (issue 16): the invitation id is another's or nobody's too (BOLA on both ids)
    ("POST", "/bookings/{booking_id}/invitations"): {"email": "eve@example.org"},
    ("POST", "/bookings/{booking_id}/invitations/import"): {},  # ownership answers before the file is read
    ("GET", "/bookings/{booking_id}/invitations"): None,
    ("POST", "/bookings/{booking_id}/invitations/{invitation_id}/resend"): None,
    ("DELETE", "/bookings/{booking_id}/invitations/{invitation_id}"): None,
    ("GET", "/bookings/{booking_id}/guest-counts"): None,
}

STAFF_ROUTES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("POST", "/organizers", {"name": "Eve", "email": "eve@example.org"}),
    ("GET", "/approvals", None),
    ("GET", "/staff/guest-data-audit", None),
    ("GET", "/staff/letters", None),
    ("POST", f"/staff/letters/{uuid.UUID(int=1)}/approve", None),
    ("POST", f"/staff/letters/{uuid.UUID(int=1)}/revoke", {"reason": "mine now"}),
    ("GET", f"/staff/letters/{uuid.UUID(int=1)}/pdf?purpose=access_control", None),
    ("POST", "/staff/check-ins", {"code": "WICT1:000000000000", "space_id": "room-a"}),
    (
        "POST",
        "/staff/walk-ins",
        {
            "booking_id": str(uuid.UUID(int=1)),
            "space_id": "room-a",
            "full_name": "Eve",
            "nationality": "AU",
            "locale": "en",
            "consent_version": "2026-12-01",
            "phone": "+61412345678",
        },
    ),
    # ops only (tests/e2e/test_ops.py also checks that staff get 403)
    ("GET", "/ops/sagas", None),
    ("GET", "/ops/sagas/stuck", None),
    ("GET", "/ops/vendor-tasks/overdue", None),
    ("GET", "/ops/health", None),
    ("GET", "/ops/notifications/failures", None),
    ("GET", "/ops/audit", None),
    ("GET", "/ops/dead-letters", None),
    ("GET", "/ops/dead-letters/1", None),
    ("POST", "/ops/dead-letters/1/replay", None),
    ("DELETE", "/ops/dead-letters/1", None),
    (
        "POST",
        "/closures",
        {
            "space_id": "room-a",
            "starts_at": "2030-01-01T00:00:00Z",
            "ends_at": "2030-01-02T00:00:00Z",
            "reason": "works",
        },
    ),
]


def _operations(stack: Stack) -> set[tuple[str, str]]:
    document = httpx.get(f"{stack.service('venue').base_url}/schema/openapi.json").raise_for_status().json()
    return {(method.upper(), path) for path, item in document["paths"].items() for method in item}


def _call(client: httpx.Client, method: str, path: str, body: dict[str, Any] | None) -> httpx.Response:
    return client.request(method, path, json=body)


def test_every_route_naming_a_booking_answers_b_as_if_a_booking_did_not_exist(stack: Stack, staff, organizer):
    booking_routes = {op for op in _operations(stack) if "{booking_id}" in op[1]}
    assert booking_routes == set(BOOKING_ROUTES), "a route names a booking but has no BOLA case here"
    body = booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=12)
    booking_id = organizer.post("/bookings", json=body).raise_for_status().json()["booking_id"]
    before = wait_for_outcome(organizer, booking_id)
    assert before["status"] == "confirmed"
    nobody = str(uuid.uuid4())
    with new_organizer(stack, staff, "Bob Other") as bob:
        for (method, template), request_body in BOOKING_ROUTES.items():
            theirs = _call(
                bob, method, template.format(booking_id=booking_id, invitation_id=nobody), request_body
            )
            missing = _call(
                bob, method, template.format(booking_id=nobody, invitation_id=nobody), request_body
            )
            assert theirs.status_code in (403, 404), (method, template, theirs.status_code, theirs.text)
            assert (theirs.status_code, theirs.json()["title"]) == (
                missing.status_code,
                missing.json()["title"],
            )
    after = organizer.get(f"/bookings/{booking_id}").json()
    assert (after["status"], after["attendees"]) == (before["status"], before["attendees"])
    actors = {entry["actor"] for entry in staff.get(f"/bookings/{booking_id}/audit").json()}
    assert actors == {f"organizer:{organizer.account['account_id']}", "system:saga"}  # B changed nothing


def test_staff_routes_are_403_for_organizers(organizer):
    for method, path, body in STAFF_ROUTES:
        response = _call(organizer, method, path, body)
        assert response.status_code == 403, (method, path, response.status_code, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("field", ["status", "price", "organizer_id", "phase", "created_at", "quote_id"])
def test_fields_the_client_must_not_set_are_400_and_name_the_field(organizer, field: str):
    body = {**booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=12), field: "x"}
    response = organizer.post("/bookings", json=body)
    assert response.status_code == 400, response.text
    assert field in response.text
