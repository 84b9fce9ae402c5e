from typing import Any

import pytest
from litestar import Litestar, post
from litestar.testing import TestClient

from shared.http.problems import EXCEPTION_HANDLERS
from shared.http.text_guard import refuse_nul

pytestmark = pytest.mark.unit

received: list[Any] = []


@post("/echo", status_code=200)
async def echo(data: dict[str, Any]) -> dict[str, Any]:
    received.append(data)
    return data


def _client() -> TestClient[Litestar]:
    return TestClient(Litestar([echo], before_request=refuse_nul, exception_handlers=EXCEPTION_HANDLERS))


def test_nul_in_a_nested_body_field_is_a_400_naming_the_field_and_never_reaches_the_handler():
    received.clear()
    with _client() as client:
        response = client.post(
            "/echo",
            content=b'{"name": "ok", "guests": [{"email": "a\\u0000@b.c"}], "k\\u0000": 1}',
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [error["field"] for error in response.json()["errors"]] == ["guests[0].email", "k\x00"]
    assert "NUL" in response.json()["detail"]
    assert received == []


def test_nul_in_a_query_parameter_is_refused():
    with _client() as client:
        response = client.post("/echo?state=conf%00irmed", json={})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "state"


def test_an_escaped_backslash_before_u0000_is_ordinary_text_and_passes():
    received.clear()
    with _client() as client:
        response = client.post(
            "/echo", content=b'{"note": "C:\\\\u0000"}', headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 200
    assert received == [{"note": "C:\\u0000"}]


def test_malformed_json_is_left_to_the_handler_to_refuse():
    with _client() as client:
        response = client.post(
            "/echo", content=b'{"a": "\\u0000', headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 400
    assert "NUL" not in response.text
