"""Who is looking: the visitor's cookie id, language, elder mode, zone and (if signed in) session.

Language: the visitor's own choice (cookie) first, then their account's, then Accept-Language.
Elder mode: the cookie, or the account's ``elder_mode`` (issue 12's PATCH /me keeps it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from litestar import Request
from litestar.di import NamedDependency
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

from services.web.domain import locale
from services.web.domain.formatting import Formatter
from services.web.domain.problems import SignedOut
from services.web.domain.session import Session, csrf_token, id_hash
from services.web.entrypoints.dependencies import WebDependencies
from services.web.handlers.people import Person

LANGUAGE_COOKIE = "wict-lang"
ELDER_COOKIE = "wict-elder"
ZONE_COOKIE = "wict-tz"
NOTICE_COOKIE = "wict-notice"


def session_cookie(secure: bool) -> str:
    """``__Host-`` binds the cookie to this host, https and path / (only where it is Secure)."""
    return "__Host-wict-session" if secure else "wict-session"


@dataclass
class Viewer:
    sid: str
    language: str
    elder: bool
    browser_zone: str | None
    session: Session | None
    csrf: str
    deps: WebDependencies
    notice: str | None = None
    session_ended: bool = False
    path: str = "/"

    @property
    def key(self) -> bytes:
        return id_hash(self.sid)

    @property
    def signed_in(self) -> bool:
        return self.session is not None

    @property
    def role(self) -> str:
        return self.session.role if self.session else "visitor"

    @property
    def zone(self) -> str | None:
        return self.session.time_zone if self.session else self.browser_zone

    @property
    def fmt(self) -> Formatter:
        return Formatter(self.language, self.deps.config.venue_time_zone, self.zone)

    def person(self, *roles: str) -> Person:
        """The signed-in person, if their role is one of ``roles`` (any role when none are given)."""
        if self.session is None:
            raise SignedOut()
        if roles and self.session.role not in roles:
            raise PermissionDeniedException("not for this account's role")
        deps = self.deps
        return Person(self.key, self.session, deps.venue, deps.notify, deps.sessions)


def _zone(name: str | None) -> str | None:
    if not name or len(name) > 64:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


async def load_viewer(request: Request[Any, Any, Any], deps: NamedDependency[WebDependencies]) -> Viewer:
    """The ``viewer`` dependency of every page (the security middleware made sure of a cookie id)."""
    cookie = session_cookie(deps.config.cookie_secure)
    sid = request.cookies.get(cookie) or request.scope["state"].get("new_sid")
    if not sid:
        raise NotAuthorizedException("no visitor id")
    session, ended = await _live_session(deps, sid, request.url.path != "/session/status")
    chosen = locale.supported(request.cookies.get(LANGUAGE_COOKIE))
    language = chosen or (locale.supported(session.locale) if session else None)
    elder_cookie = request.cookies.get(ELDER_COOKIE)
    elder = elder_cookie == "1" if elder_cookie in ("0", "1") else bool(session and session.elder_mode)
    viewer = Viewer(
        sid=sid,
        language=language or locale.from_accept_language(request.headers.get("accept-language")),
        elder=elder,
        browser_zone=_zone(request.cookies.get(ZONE_COOKIE)),
        session=session,
        csrf=csrf_token(deps.csrf_secret, sid),
        deps=deps,
        notice=request.cookies.get(NOTICE_COOKIE),
        session_ended=ended,
        path=request.url.path,
    )
    request.scope["state"]["viewer"] = viewer  # for the error pages
    return viewer


async def _live_session(deps: WebDependencies, sid: str, touch: bool) -> tuple[Session | None, bool]:
    """The session behind the cookie, slid forward; an ended one is deleted (and said so)."""
    key = id_hash(sid)
    session = await deps.sessions.load(key)
    if session is None:
        return None, False
    now = datetime.now(UTC)
    if session.ended(now):
        await deps.sessions.delete(key)
        return None, True
    if touch:
        session = session.touched(now, deps.idle)
        await deps.sessions.touch(key, session.expires_at)
    return session, False
