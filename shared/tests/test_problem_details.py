"""RFC 9457 problem details: one shape for every error, extension members at the top level, a documented
``type`` per kind, and every invalid field of a request reported at once without echoing the URL."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec
import pytest
from litestar import Litestar, get, post
from litestar.params import Parameter
from litestar.testing import TestClient

from shared.http.problem_types import BY_SLUG, KINDS, ProblemTypesController
from shared.http.problems import EXCEPTION_HANDLERS, ApiError, FieldError, problem_json

pytestmark = pytest.mark.unit


class Catering(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    menu: str
    headcount: int


class Booking(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    title: str
    attendees: int
    starts_at: datetime
    layout: Literal["theater", "classroom"] = "theater"
    catering: Catering | None = None


@post("/bookings/{space:str}")
async def create(space: str, data: Booking, limit: int = 10) -> dict[str, Any]:
    return {"space": space}


@get("/bookings")
async def listing(
    first: Annotated[int, Parameter(query="from")] = 0,
    limit: int = 10,
    tenant: Annotated[str | None, Parameter(header="X-Tenant")] = None,
) -> list[Any]:
    return []


@get("/taken")
async def taken() -> None:
    raise ApiError(
        409,
        "The space is taken",
        "room-a is held at that time",
        [FieldError("starts_at", "overlaps")],
        conflicts=[{"space_id": "room-a"}],
    )


@get("/boom")
async def boom() -> None:
    raise RuntimeError("passport PA1234567 of Ann")


def _client() -> TestClient[Litestar]:
    app = Litestar(
        [create, listing, taken, boom, ProblemTypesController], exception_handlers=EXCEPTION_HANDLERS
    )
    return TestClient(app)


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["type"]
    assert "extra" not in body
    return body


def test_an_api_error_carries_its_extension_members_at_the_top_level_and_a_documented_type():
    with _client() as client:
        body = _problem(client.get("/taken"), 409)
    assert body["type"] == "/problems/conflict"
    assert body["conflicts"] == [{"space_id": "room-a"}]
    assert body["errors"] == [{"field": "starts_at", "reason": "overlaps"}]
    assert body["detail"] == "room-a is held at that time"


def test_every_invalid_body_field_is_reported_at_once_nested_and_unknown_ones_too():
    sent = {
        "title": 5,
        "starts_at": "not a time",
        "layout": "banquet-for-PA1234567",
        "catering": {"menu": "buffet", "headcount": "many", "wine": True},
        "price": 0,
    }
    with _client() as client:
        body = _problem(client.post("/bookings/room-a?limit=x", json=sent), 400)
    fields = {error["field"]: error["reason"] for error in body["errors"]}
    assert set(fields) == {
        "title",
        "attendees",
        "starts_at",
        "layout",
        "catering.headcount",
        "catering.wine",
        "price",
        "limit",
    }
    assert body["type"] == "/problems/invalid-request"
    assert "PA1234567" not in response_text(body)  # a refused value is never repeated


def test_every_invalid_query_parameter_and_header_is_named_as_the_client_sent_it_and_the_url_never_echoed():
    with _client() as client:
        response = client.get("/bookings?from=soon&limit=lots&secret=PA1234567")
        body = _problem(response, 400)
    assert [error["field"] for error in body["errors"]] == ["from", "limit"]
    assert "/bookings" not in response.text and "PA1234567" not in response.text and "?" not in body["detail"]


def test_litestar_s_own_refusals_have_the_same_shape():
    with _client() as client:
        not_found = _problem(client.get("/nowhere"), 404)
        not_allowed = _problem(client.delete("/taken"), 405)
    assert not_found["type"] == "/problems/not-found"
    assert not_allowed["type"] == "/problems/method-not-allowed"


def test_an_unexpected_error_is_a_500_problem_without_the_exception_text():
    with _client() as client:
        response = client.get("/boom")
        body = _problem(response, 500)
    assert body["type"] == "/problems/internal-error"
    assert "PA1234567" not in response.text


def test_every_kind_has_a_page_and_the_index_lists_them_all():
    with _client() as client:
        index = client.get("/problems")
        assert index.status_code == 200 and index.headers["content-type"].startswith("text/html")
        for kind in KINDS:
            assert f'href="{kind.type_uri}"' in index.text
            page = client.get(kind.type_uri)
            assert page.status_code == 200 and kind.slug in page.text
        assert client.get("/problems/no-such-kind").status_code == 404
    assert set(BY_SLUG) == {kind.slug for kind in KINDS}


def test_a_middleware_s_problem_has_the_same_members():
    body = msgspec.json.decode(problem_json(409, "Still running", "retry later"))
    assert body == {
        "type": "/problems/conflict",
        "title": "Still running",
        "status": 409,
        "detail": "retry later",
    }


def response_text(body: dict[str, Any]) -> str:
    return re.sub(r"\s+", " ", msgspec.json.encode(body).decode())
