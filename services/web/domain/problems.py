"""What can go wrong when the web asks an API on the person's behalf. Pure types."""

from __future__ import annotations

from typing import Any


class ApiProblem(Exception):
    """The API answered with an RFC 9457 problem: its status, title and the fields at fault."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.title = str(body.get("title") or "")
        self.detail = str(body.get("detail") or "")
        self.errors = [e for e in body.get("errors") or [] if isinstance(e, dict)]
        extra = body.get("extra")
        self.extra: dict[str, Any] = extra if isinstance(extra, dict) else {}
        self.headers = headers or {}
        super().__init__(f"{status} {self.title}: {self.detail}")

    def field_errors(self) -> dict[str, str]:
        """field -> reason, as the API worded it (names the field; never repeats personal data)."""
        return {str(e.get("field")): str(e.get("reason")) for e in self.errors}


class Unauthorized(ApiProblem):
    """401: the person's credential is not (or no longer) accepted."""


class Unreachable(Exception):
    """The API did not answer (down, or timed out)."""


class SignedOut(Exception):
    """The session ended (or never was): the person must sign in again."""
