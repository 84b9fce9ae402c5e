"""Authentication (Bearer API keys or access tokens), role checks, and the API's rate limit.

A key, or a token's account, is looked up once and cached for ``CACHE_SECONDS``; revoking a key or
disabling an account takes effect within that time in every instance.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from litestar import Request
from litestar.middleware.rate_limit import RateLimitConfig

from services.venue.domain.access import Principal, Role
from services.venue.domain.tokens import TokenRefused, looks_like_token, verify
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.handlers import accounts
from shared.http.problems import ApiError

CACHE_SECONDS = 30.0
_cache: dict[str, tuple[float, Principal | None]] = {}
_accounts: dict[uuid.UUID, tuple[float, Principal | None]] = {}


def bearer(request: Request[Any, Any, Any]) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _unauthorized(detail: str) -> ApiError:
    error = ApiError(401, "Authentication required", detail)
    error.headers = {"WWW-Authenticate": 'Bearer realm="wict"'}
    return error


async def authenticate(request: Request[Any, Any, Any], deps: VenueDependencies) -> Principal:
    """The caller behind ``Authorization: Bearer <api key or access token>``; 401 without a valid one."""
    credential = bearer(request)
    if credential is None:
        raise _unauthorized("send your API key or access token as `Authorization: Bearer <credential>`")
    if looks_like_token(credential):
        return await _token_principal(credential, deps)
    return await _key_principal(credential, deps)


async def optional_principal(request: Request[Any, Any, Any], deps: VenueDependencies) -> Principal | None:
    """The caller if an API key is sent (401 if it is bad); None for anonymous public reads."""
    return await authenticate(request, deps) if "authorization" in request.headers else None


async def _key_principal(api_key: str, deps: VenueDependencies) -> Principal:
    now = time.monotonic()
    cached = _cache.get(api_key)
    if cached is None or cached[0] < now:
        principal = await accounts.principal_for_key(deps.database, api_key)
        if len(_cache) > 10_000:
            _cache.clear()
        cached = _cache[api_key] = (now + CACHE_SECONDS, principal)
    if cached[1] is None:
        raise _unauthorized("the API key is unknown or revoked")
    return cached[1]


async def _token_principal(token: str, deps: VenueDependencies) -> Principal:
    try:
        account_id = verify(token, deps.tokens, datetime.now(UTC))
    except TokenRefused as refused:
        raise _unauthorized(str(refused)) from None
    now = time.monotonic()
    cached = _accounts.get(account_id)
    if cached is None or cached[0] < now:
        principal = await accounts.account(deps.database, account_id)
        if len(_accounts) > 10_000:
            _accounts.clear()
        cached = _accounts[account_id] = (now + CACHE_SECONDS, principal)
    if cached[1] is None:
        raise _unauthorized("the access token's account is disabled")
    return cached[1]


def require(principal: Principal, *roles: Role) -> None:
    """403 unless the caller has one of ``roles``."""
    if principal.role not in roles:
        allowed = " or ".join(role.value for role in roles)
        raise ApiError(
            403, "Not allowed for your role", f"this needs the {allowed} role; you are {principal.role}"
        )


def _client_identity(request: Request[Any, Any, Any]) -> str:
    """Rate limits count per credential (hashed), else per address."""
    token = bearer(request)
    if token:
        return "key:" + hashlib.sha256(token.encode()).hexdigest()[:32]
    return "ip:" + (request.client.host if request.client else "unknown")


def rate_limit(per_minute: int) -> RateLimitConfig:
    return RateLimitConfig(
        rate_limit=("minute", per_minute),
        exclude=["/health", "/schema"],
        identifier_for_request=_client_identity,
    )
