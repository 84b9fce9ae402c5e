"""What can go wrong when the web asks an API on the person's behalf. Pure types."""

from __future__ import annotations

from typing import Any

# RFC 9457's own members; everything else in a problem is an extension member (the APIs put them at the
# top level: ``errors``, ``trace_id``, ``conflicts``, ...)
STANDARD_MEMBERS = frozenset({"type", "title", "status", "detail", "instance"})


class ApiProblem(Exception):
    """The API answered with an RFC 9457 problem: its type, status, title, the fields at fault and the
    other extension members (``conflicts`` ...), read from the problem's top level."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.type = str(body.get("type") or "about:blank")
        self.title = str(body.get("title") or "")
        self.detail = str(body.get("detail") or "")
        self.errors = [e for e in body.get("errors") or [] if isinstance(e, dict)]
        # the extension members (named ``extra`` as litestar names them; the APIs send them at the top level)
        self.extra: dict[str, Any] = {
            name: value for name, value in body.items() if name not in STANDARD_MEMBERS
        }
        self.headers = headers or {}
        super().__init__(f"{status} {self.title}: {self.detail}")

    @property
    def conflicts(self) -> list[dict[str, Any]]:
        """What is in the way of a refused booking or series (409), as the API listed it."""
        return [item for item in self.extra.get("conflicts") or [] if isinstance(item, dict)]

    def field_errors(self) -> dict[str, str]:
        """field -> reason, as the API worded it (names the field; never repeats personal data)."""
        return {str(e.get("field")): str(e.get("reason")) for e in self.errors}


class Unauthorized(ApiProblem):
    """401: the person's credential is not (or no longer) accepted."""


class NotOffered(Exception):
    """The API has no such route yet (404/405 on a route of issue 12's contract)."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        super().__init__(f"the venue does not offer {endpoint} yet")


class Unreachable(Exception):
    """The API did not answer (down, or timed out)."""


class SignedOut(Exception):
    """The session ended (or never was): the person must sign in again."""
