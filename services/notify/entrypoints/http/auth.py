"""Who may read and change what in notify: every route needs ``Authorization: Bearer <key>``.

Staff and ops present the venue's staff/ops API keys (given to notify by the deployment, compared by
hash); a person presents their own venue API key or access token, which notify checks with the venue
(``adapters/venue_accounts.py``, every time) and then sees only their own feed and channels.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from litestar.connection import ASGIConnection

from services.notify.adapters.venue_accounts import VenueUnavailable
from services.notify.domain.access import Caller
from services.notify.entrypoints.dependencies import NotifyDependencies
from shared.http.problems import ApiError

Connection = ASGIConnection[Any, Any, Any, Any]


def _unauthorized(detail: str) -> ApiError:
    error = ApiError(401, "Authentication required", detail)
    error.headers = {"WWW-Authenticate": 'Bearer realm="wict"'}
    return error


def _token(connection: Connection) -> str:
    scheme, _, token = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("send an API key or access token as `Authorization: Bearer <credential>`")
    return token.strip()


def _one_of(key: str, keys: tuple[str, ...]) -> bool:
    digest = hashlib.sha256(key.encode()).digest()
    return any(hmac.compare_digest(digest, hashlib.sha256(k.encode()).digest()) for k in keys)


async def caller(connection: Connection, deps: NotifyDependencies) -> Caller:
    """The authenticated caller; 401 when the key is missing or unknown."""
    token = _token(connection)
    if _one_of(token, deps.staff_keys):
        return Caller("staff")
    if _one_of(token, deps.ops_keys):
        return Caller("ops")
    try:
        known = await deps.venue.caller(token)
    except VenueUnavailable:
        raise ApiError(
            503, "Cannot check the API key now", "the venue service does not answer; retry"
        ) from None
    if known is None:
        raise _unauthorized(
            "the venue refuses this credential: unknown, revoked, expired, or its account disabled"
        )
    return known


async def organizer(connection: Connection, deps: NotifyDependencies) -> Caller:
    """The organizer behind the venue credential sent; 403 for anyone else (their channels are their own)."""
    who = await caller(connection, deps)
    if who.role != "organizer" or not who.email:
        raise ApiError(
            403,
            "Not allowed for your role",
            "/me is an organizer's own settings: sign in with your organizer account (staff use /recipients)",
        )
    return who


def require(who: Caller, *roles: str) -> None:
    if who.role not in roles:
        raise ApiError(403, "Not allowed for your role", f"this needs the {' or '.join(roles)} role")


def _deps(connection: Connection) -> NotifyDependencies:
    # guards run before litestar injects dependencies: they find the service's on the app (the runner's)
    deps: NotifyDependencies = connection.app.state.context.deps
    return deps


async def staff_guard(connection: Connection, _: Any) -> None:
    """Guard for /staff and /recipients: venue staff only."""
    require(await caller(connection, _deps(connection)), "staff")


async def ops_guard(connection: Connection, _: Any) -> None:
    """Guard for /ops: ops or staff."""
    require(await caller(connection, _deps(connection)), "ops", "staff")
