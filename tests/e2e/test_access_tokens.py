"""End to end: access tokens bought with an API key work like the key; every bad token is 401, saying why."""

from __future__ import annotations

import base64
import json
import time

import jwt
import pytest

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, client_for, new_organizer, next_day

pytestmark = pytest.mark.e2e


def _b64(part: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()


def _claims(account_id: str, **changes: object) -> dict[str, object]:
    now = int(time.time())
    claims = {"sub": account_id, "aud": "wict-venue-api", "iss": "wict-venue", "iat": now, "exp": now + 300}
    return {**claims, **changes}


def _refusal(stack: Stack, token: str) -> str:
    with client_for(stack, token) as client:
        response = client.get("/me")
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    detail: str = response.json()["detail"]
    return detail


def test_a_token_acts_as_its_account_and_cannot_buy_another(stack: Stack, staff, venue):
    answer = venue.post("/tokens")
    assert answer.status_code == 201, answer.text
    token = answer.json()
    assert token["token_type"] == "Bearer" and token["expires_in"] == 900
    with client_for(stack, token["access_token"]) as by_token:
        assert by_token.get("/me").json()["account_id"] == venue.account["account_id"]
        created = by_token.post(
            "/bookings", json=booking_body(next_day(), space_id="room-c", layout="boardroom", attendees=10)
        )
        assert created.status_code == 201
        assert venue.get(created.headers["location"]).status_code == 200  # the same organizer
        assert (
            by_token.post("/organizers", json={"name": "Eve", "email": "eve@example.org"}).status_code == 403
        )
        assert by_token.post("/tokens").status_code == 403
    with new_organizer(stack, staff, "Bob Other") as bob:
        bobs = bob.post("/tokens").json()["access_token"]
        with client_for(stack, bobs) as bob_by_token:
            assert bob_by_token.get(created.headers["location"]).status_code == 404


def test_expired_unsigned_tampered_and_foreign_tokens_are_401(stack: Stack, venue):
    account_id, secret = venue.account["account_id"], stack.credentials["jwt"]
    good = venue.post("/tokens").json()["access_token"]
    header, _, signature = good.split(".")
    assert "expired" in _refusal(
        stack,
        jwt.encode(_claims(account_id, iat=1_700_000_000, exp=1_700_000_060), secret, algorithm="HS256"),
    )
    assert "HS256" in _refusal(stack, f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(account_id))}.")
    assert "signature" in _refusal(stack, f"{header}.{_b64(_claims(account_id, role='staff'))}.{signature}")
    assert "signature" in _refusal(stack, jwt.encode(_claims(account_id), "x" * 48, algorithm="HS256"))
    assert "audience" in _refusal(
        stack, jwt.encode(_claims(account_id, aud="another-api"), secret, algorithm="HS256")
    )
    assert "issued by" in _refusal(
        stack, jwt.encode(_claims(account_id, iss="elsewhere"), secret, algorithm="HS256")
    )
