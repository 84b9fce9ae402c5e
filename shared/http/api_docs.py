"""The API documentation every service serves at ``/schema``: one renderer, served by the platform itself.

Swagger UI (npm ``swagger-ui-dist``, Apache-2.0, the version in ``docs_assets/README.md``) is vendored in
``docs_assets/`` and served under ``/schema/assets/``: the page loads no script, style, font or image from
another host (many are unreachable from mainland China), runs no inline script, and turns Swagger's
online validator off. Its "Authorize" button takes an API key or access token: the documents declare
the ``bearer`` security scheme, and each operation that needs a credential says so (``CREDENTIAL``).
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

from litestar import MediaType, Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme
from litestar.router import Router

ASSETS = Path(__file__).parent / "docs_assets"
_MEDIA_TYPES = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
    "docs-init.js": "text/javascript; charset=utf-8",
}

BEARER = "bearer"
SECURITY_SCHEMES: dict[str, Any] = {
    BEARER: SecurityScheme(
        type="http",
        scheme="bearer",
        bearer_format="API key (wict_…) or access token (JWT)",
        description=(
            "`Authorization: Bearer <credential>`: an API key (staff open organizer accounts; "
            "`POST /me/api-keys`), or an access token from `POST /tokens` or `POST /sessions`."
        ),
    )
}
# Every operation needs a credential (the documents' top-level ``security``) unless its controller or
# handler says otherwise with ``security = PUBLIC`` (none needed) or ``OPTIONAL_CREDENTIAL`` (the answer
# depends on who asks, anyone may).
CREDENTIAL: list[SecurityRequirement] = [{BEARER: []}]
PUBLIC: list[SecurityRequirement] = [{}]
OPTIONAL_CREDENTIAL: list[SecurityRequirement] = [{}, {BEARER: []}]


@cache
def _asset(name: str) -> bytes:
    return (ASSETS / name).read_bytes()


class SwaggerUI(OpenAPIRenderPlugin):
    """Swagger UI at the documents' root path, from the platform's own files."""

    def __init__(self, path: str = "/") -> None:
        super().__init__(path=path, favicon="", style="")

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        root = request.app.openapi_config.path if request.app.openapi_config else "/schema"
        assets, title = f"{root}/assets", html.escape(openapi_schema["info"]["title"])
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title>"
            f'<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">'
            f'<link rel="stylesheet" href="{assets}/swagger-ui.css">'
            f'</head><body><div id="swagger-ui" data-openapi="{root}/openapi.json"></div>'
            f'<script src="{assets}/swagger-ui-bundle.js"></script>'
            f'<script src="{assets}/docs-init.js"></script></body></html>'
        ).encode()

    def receive_router(self, router: Router) -> None:
        router.register(get("/assets/{name:str}", sync_to_thread=False, include_in_schema=False)(serve_asset))


def serve_asset(name: str) -> Response[bytes]:
    """One of the renderer's files; they change only with a new version of the platform."""
    if name not in _MEDIA_TYPES:
        raise NotFoundException("no such file")
    return Response(
        _asset(name),
        media_type=_MEDIA_TYPES[name],
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


def openapi_config(
    title: str, version: str, description: str, *, use_handler_docstrings: bool = True
) -> OpenAPIConfig:
    """A service's OpenAPI document at /schema/openapi.json and Swagger UI at /schema."""
    return OpenAPIConfig(
        title=title,
        version=version,
        description=description,
        path="/schema",
        use_handler_docstrings=use_handler_docstrings,
        components=Components(security_schemes=SECURITY_SCHEMES),
        security=CREDENTIAL,
        render_plugins=[SwaggerUI()],
    )


__all__ = [
    "CREDENTIAL",
    "OPTIONAL_CREDENTIAL",
    "SECURITY_SCHEMES",
    "MediaType",
    "SwaggerUI",
    "openapi_config",
]
