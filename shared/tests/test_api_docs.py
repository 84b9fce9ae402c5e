"""The docs page at /schema: one renderer (Swagger UI) served by the service itself, nothing from another
host, the bearer scheme declared so that "Authorize" works, the vendored files as the README lists them."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from litestar import Controller, Litestar, get
from litestar.testing import TestClient

from shared.http.api_docs import ASSETS, PUBLIC, openapi_config

pytestmark = pytest.mark.unit


class Things(Controller):
    path = "/things"

    @get("/", operation_id="ListThings")
    async def things(self) -> list[str]:
        return []


class Catalog(Controller):
    path = "/catalog"
    security = PUBLIC

    @get("/", operation_id="ListCatalog")
    async def catalog(self) -> list[str]:
        return []


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.found += [str(values[name]) for name in ("src", "href") if values.get(name)]
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def _client() -> TestClient[Litestar]:
    return TestClient(
        Litestar([Things, Catalog], openapi_config=openapi_config("Test API", "1.0", "for tests"))
    )


def test_the_page_references_only_the_platform_s_own_origin_and_runs_no_inline_script():
    with _client() as client:
        page = client.get("/schema")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        references = _References()
        references.feed(page.text)
        assert references.found, page.text
        for reference in references.found:
            assert reference.startswith("/") and not reference.startswith("//"), reference
            assert client.get(reference).status_code == 200, reference
        assert references.inline_scripts == 0
        assert "http://" not in page.text and "https://" not in page.text


def test_the_stylesheet_loads_no_font_or_image_from_anywhere_and_the_validator_is_off():
    with _client() as client:
        css = client.get("/schema/assets/swagger-ui.css")
        init = client.get("/schema/assets/docs-init.js")
        assert client.get("/schema/assets/not-there.js").status_code == 404
    assert css.headers["content-type"].startswith("text/css")
    assert "@import" not in css.text and "@font-face" not in css.text
    assert all(url.startswith("data:") for url in re.findall(r"url\(\"?([^\")]*)", css.text))
    assert "validatorUrl: null" in init.text


def test_the_document_declares_the_bearer_scheme_and_which_operations_need_it():
    with _client() as client:
        document: dict[str, Any] = client.get("/schema/openapi.json").json()
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "API key (wict_…) or access token (JWT)",
        "description": document["components"]["securitySchemes"]["bearer"]["description"],
    }
    assert document["security"] == [{"bearer": []}]
    assert "security" not in document["paths"]["/things"]["get"]  # inherits the document's: a credential
    assert document["paths"]["/catalog"]["get"]["security"] == [{}]  # none needed


def test_the_vendored_files_are_those_the_readme_lists():
    readme = (ASSETS / "README.md").read_text()
    listed = dict(re.findall(r"\| `([^`]+)` \|[^\n]*\| `([0-9a-f]{64})` \|", readme))
    assert set(listed) == {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"}
    for name, digest in listed.items():
        assert hashlib.sha256((ASSETS / name).read_bytes()).hexdigest() == digest, name
    assert "Apache License" in (ASSETS / "LICENSE").read_text()
