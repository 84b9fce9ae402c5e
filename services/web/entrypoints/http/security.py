"""Every answer's security headers, the visitor's cookie id, and the CSRF check of every unsafe request.

The Content-Security-Policy allows scripts, styles, images, fonts and connections from this origin
only: no inline script or style (not even an attribute), no outside host, no framing.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from services.web.domain.session import csrf_valid, new_session_id
from services.web.entrypoints.http.viewer import session_cookie

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "manifest-src 'self'",
    ]
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class CsrfRefused(PermissionDeniedException):
    """The form's token is missing or not this browser's."""


def security_middleware(secure: bool) -> Any:
    """ASGI middleware: security headers on every answer; a visitor id cookie for a new visitor."""
    cookie_name = session_cookie(secure)

    def wrap(app: ASGIApp) -> ASGIApp:
        async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            new_sid = None if _has_cookie(scope, cookie_name) else new_session_id()
            scope.setdefault("state", {})["new_sid"] = new_sid

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    headers = MutableScopeHeaders.from_message(message)
                    for name, value in HEADERS.items():
                        headers.setdefault(name, value)
                    if secure:
                        headers.setdefault("strict-transport-security", "max-age=31536000")
                    headers.setdefault("cache-control", "no-store")  # pages carry personal data
                    if new_sid and not scope["path"].startswith("/assets/"):
                        headers.add(
                            "set-cookie", visitor_cookie(cookie_name, new_sid, secure).to_header(header="")
                        )
                await send(message)

            await app(scope, receive, send_with_headers)

        return middleware

    return wrap


def visitor_cookie(name: str, value: str, secure: bool) -> Cookie:
    return Cookie(key=name, value=value, path="/", secure=secure, httponly=True, samesite="lax")


def _has_cookie(scope: Scope, name: str) -> bool:
    for key, value in scope.get("headers", []):
        if key == b"cookie" and f"{name}=".encode() in value:
            return True
    return False


async def csrf_guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Unsafe requests carry this browser's token, in the form or (htmx) in a header."""
    if connection.scope.get("method") not in UNSAFE:
        return
    deps = connection.app.state.context.deps
    sid = connection.cookies.get(session_cookie(deps.config.cookie_secure))
    presented = connection.headers.get(CSRF_HEADER)
    if not presented and isinstance(connection, Request):
        content_type = connection.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await connection.form()
            presented = form.get(CSRF_FIELD)
    if not sid or not csrf_valid(deps.csrf_secret, sid, presented):
        raise CsrfRefused("the form's security token is missing or not this browser's")
