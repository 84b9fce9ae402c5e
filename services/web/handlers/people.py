"""The signed-in person as the APIs see them: every call carries their own token, renewed when due.

Renewal rotates the refresh token (issue 12's contract: reusing a dead one revokes the family), so two
requests of one person must never renew at once: the session row is locked while one renews, and the
other then finds the fresh token. A session that cannot be renewed is ended: ``SignedOut``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from services.web.adapters.api import Api
from services.web.adapters.sessions import SessionStore
from services.web.domain.formatting import parse_moment
from services.web.domain.paging import Listing, next_cursor
from services.web.domain.problems import ApiProblem, SignedOut, Unauthorized, Unreachable
from services.web.domain.session import Session, Tokens, id_hash, new_session_id


def tokens_from(answer: dict[str, Any]) -> Tokens:
    """A Session answer of POST /sessions, /sessions/refresh, /sessions/link/verify (issue 12)."""
    refresh_until = answer.get("refresh_expires_at")
    return Tokens(
        access_token=answer["access_token"],
        access_expires_at=parse_moment(answer["expires_at"]),
        refresh_token=answer.get("refresh_token"),
        refresh_expires_at=parse_moment(refresh_until) if refresh_until else None,
    )


def session_from(account: dict[str, Any], tokens: Tokens, now: datetime, idle: timedelta) -> Session:
    return Session(
        account_id=uuid.UUID(str(account["account_id"])),
        role=account["role"],
        name=account.get("name") or "",
        locale=account.get("locale") or "en",
        time_zone=account.get("time_zone") or "Asia/Shanghai",
        elder_mode=bool(account.get("elder_mode", False)),
        tokens=tokens,
        expires_at=now + idle,
    )


@dataclass
class Person:
    """One request's view of the signed-in person."""

    key: bytes  # the session's id hash
    session: Session
    venue: Api
    notify: Api
    sessions: SessionStore

    @property
    def account_id(self) -> uuid.UUID:
        return self.session.account_id

    async def call(self, method: str, path: str, **options: Any) -> Any:
        """The venue's JSON answer to the person's request."""
        return await self._with_token(self.venue, "json", method, path, **options)

    async def raw(self, method: str, path: str, **options: Any) -> Any:
        """The venue's raw answer (calendar files, trace text, CSV)."""
        return await self._with_token(self.venue, "send", method, path, **options)

    async def listing(self, path: str, params: dict[str, Any]) -> Listing:
        """One page of a list the venue pages with a ``Link: <...cursor=...>; rel="next"`` header."""
        answer = await self.raw("GET", path, params=params)
        return Listing(rows=answer.json(), next_cursor=next_cursor(answer.headers.get("link", "")))

    async def notify_call(self, method: str, path: str, **options: Any) -> Any:
        return await self._with_token(self.notify, "json", method, path, **options)

    async def _with_token(self, api: Api, verb: str, *arguments: Any, **options: Any) -> Any:
        token = await self._token(datetime.now(UTC), force=False)
        try:
            return await getattr(api, verb)(*arguments, token, **options)
        except Unauthorized:
            token = await self._token(datetime.now(UTC), force=True)
            return await getattr(api, verb)(*arguments, token, **options)

    async def _token(self, now: datetime, force: bool) -> str:
        if not force and self.session.tokens.access_usable(now):
            return self.session.tokens.access_token
        stale = self.session.tokens.access_token
        async with self.sessions.renewing(self.key) as (current, save):
            if current is None:
                raise SignedOut()
            if current.tokens.access_token != stale and current.tokens.access_usable(now):
                self.session = current  # another request renewed it meanwhile
                return current.tokens.access_token
            if not current.tokens.refreshable(now):
                raise SignedOut()
            renewed = await self._refresh(current.tokens.refresh_token or "")
            await save(renewed)
        self.session = current.with_tokens(renewed)
        return renewed.access_token

    async def _refresh(self, refresh_token: str) -> Tokens:
        try:
            answer = await self.venue.json("POST", "/sessions/refresh", json={"refresh_token": refresh_token})
        except ApiProblem as problem:  # 401: spent, reused or ended; 403: the account is disabled
            if problem.status in (400, 401, 403, 404, 410, 422):
                raise SignedOut() from None
            raise
        return tokens_from(answer)


async def sign_in(
    venue: Api, sessions: SessionStore, email: str, password: str, idle: timedelta
) -> tuple[str, Session]:
    """POST /sessions with the person's e-mail and password; a new session (a new cookie id: the
    visitor's old id never becomes a signed-in one, so a planted cookie gains nothing)."""
    answer = await venue.json("POST", "/sessions", json={"email": email, "password": password})
    return await open_session(sessions, answer, idle)


async def open_session(
    sessions: SessionStore, answer: dict[str, Any], idle: timedelta
) -> tuple[str, Session]:
    session_id = new_session_id()
    session = session_from(answer["account"], tokens_from(answer), datetime.now(UTC), idle)
    await sessions.create(id_hash(session_id), session)
    return session_id, session


async def sign_out(venue: Api, sessions: SessionStore, key: bytes, session: Session) -> None:
    """Revoke the refresh token at the venue (if it can), then forget the session here."""
    if session.tokens.refresh_token:
        try:
            await venue.json("POST", "/sessions/revoke", json={"refresh_token": session.tokens.refresh_token})
        except (ApiProblem, Unreachable):
            pass  # gone already, or the venue is away: forgetting it here is what signs out
    await sessions.delete(key)
