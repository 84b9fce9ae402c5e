"""Who may read and change what in notify.

Staff and ops present the venue's staff/ops API keys (given to notify by the deployment, compared by
hash); an organizer presents their own venue API key, which notify checks with the venue (`GET /me`,
cached for ``CACHE_SECONDS``), and sees only their own feed.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass
from typing import Any

import httpx
from litestar.connection import ASGIConnection

from shared.http.problems import ApiError

CACHE_SECONDS = 30.0
_cache: dict[str, tuple[float, Caller | None]] = {}


@dataclass(frozen=True)
class Caller:
    role: str  # organizer, staff or ops
    email: str = ""


def _token(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    scheme, _, token = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        error = ApiError(401, "Authentication required", "send an API key as `Authorization: Bearer <key>`")
        error.headers = {"WWW-Authenticate": 'Bearer realm="wict"'}
        raise error
    return token.strip()


def _same(key: str, configured: str) -> bool:
    keys = [k.strip() for k in configured.split(",") if k.strip()]
    digest = hashlib.sha256(key.encode()).digest()
    return any(hmac.compare_digest(digest, hashlib.sha256(k.encode()).digest()) for k in keys)


async def caller(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    """The authenticated caller; 401 when the key is missing or unknown."""
    token = _token(connection)
    config = connection.app.state.context.config
    if _same(token, config.staff_api_keys):
        return Caller("staff")
    if _same(token, config.ops_api_keys):
        return Caller("ops")
    now = time.monotonic()
    cached = _cache.get(token)
    if cached is None or cached[0] < now:
        cached = _cache[token] = (now + CACHE_SECONDS, await _ask_venue(config.venue_url, token))
    if cached[1] is None:
        error = ApiError(401, "Authentication required", "the API key is unknown or revoked")
        error.headers = {"WWW-Authenticate": 'Bearer realm="wict"'}
        raise error
    return cached[1]


async def _ask_venue(venue_url: str, token: str) -> Caller | None:
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            response = await client.get(f"{venue_url}/me", headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError:
        raise ApiError(
            503, "Cannot check the API key now", "the venue service does not answer; retry"
        ) from None
    if response.status_code != 200:
        return None
    account = response.json()
    return Caller(account["role"], account["email"].lower())


def require(who: Caller, *roles: str) -> None:
    if who.role not in roles:
        raise ApiError(403, "Not allowed for your role", f"this needs the {' or '.join(roles)} role")


async def staff_guard(connection: ASGIConnection[Any, Any, Any, Any], _: Any) -> None:
    """Guard for /staff and /recipients: venue staff only."""
    require(await caller(connection), "staff")


async def ops_guard(connection: ASGIConnection[Any, Any, Any, Any], _: Any) -> None:
    """Guard for /ops: ops or staff."""
    require(await caller(connection), "ops", "staff")
