"""Authentication (Bearer API keys or access tokens), role checks, and the API's rate limit.

A key, or a token's account (and session), is looked up once and cached for ``CACHE_SECONDS``. Revoking
a key, ending a session or disabling an account drops the cached answer at once: in the instance that
did it, and in every other one through PostgreSQL's ``wict_credentials`` notifications (``forget``).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from litestar import Request
from litestar.middleware.rate_limit import RateLimitConfig

from services.venue.domain.access import Principal, Role, key_hash
from services.venue.domain.tokens import TokenRefused, looks_like_token, verify_claims
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.handlers import accounts
from shared.http.problems import ApiError

CACHE_SECONDS = 30.0
CACHE_ENTRIES = 10_000
# what a key (by its hash) or a token's (account, session) resolved to, until when; dropped at once when
# the credential is revoked (``forget``, fed by this instance and by PostgreSQL's notifications)
_keys: dict[bytes, tuple[float, Principal | None]] = {}
_tokens: dict[tuple[uuid.UUID, uuid.UUID | None], tuple[float, Principal | None]] = {}


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
    now, digest = time.monotonic(), key_hash(api_key)
    cached = _keys.get(digest)
    if cached is None or cached[0] < now:
        principal = await accounts.principal_for_key(deps.database, api_key)
        if len(_keys) > CACHE_ENTRIES:
            _keys.clear()
        cached = _keys[digest] = (now + CACHE_SECONDS, principal)
    if cached[1] is None:
        raise _unauthorized("the API key is unknown or revoked, or its account is disabled")
    return cached[1]


async def _token_principal(token: str, deps: VenueDependencies) -> Principal:
    try:
        claims = verify_claims(token, deps.tokens, datetime.now(UTC))
    except TokenRefused as refused:
        raise _unauthorized(str(refused)) from None
    now, entry = time.monotonic(), (claims.account_id, claims.session_id)
    cached = _tokens.get(entry)
    if cached is None or cached[0] < now:
        if claims.session_id is None:
            principal = await accounts.account(deps.database, claims.account_id)
        else:
            principal = await accounts.session_account(
                deps.database, claims.account_id, claims.session_id, datetime.now(UTC)
            )
        if len(_tokens) > CACHE_ENTRIES:
            _tokens.clear()
        cached = _tokens[entry] = (now + CACHE_SECONDS, principal)
    if cached[1] is None:
        detail = (
            "the access token's account is disabled"
            if claims.session_id is None
            else ("the access token's session has ended (signed out or revoked) or its account is disabled")
        )
        raise _unauthorized(detail)
    return cached[1]


def forget(change: str) -> None:
    """Drop what is cached about a revoked credential: ``account:<id>``, ``session:<id>`` or ``key:<hex>``."""
    kind, _, value = change.partition(":")
    try:
        if kind == "key":
            _keys.pop(bytes.fromhex(value), None)
            return
        identifier = uuid.UUID(value)
    except ValueError:
        forget_all()  # not ours to read: safest is to ask the database again
        return
    if kind == "account":
        # a refused key's entry names no account: the account's keys may be among them
        for digest in [d for d, (_, p) in _keys.items() if p is None or p.account_id == identifier]:
            _keys.pop(digest, None)
        for entry in [e for e in _tokens if e[0] == identifier]:
            _tokens.pop(entry, None)
    elif kind == "session":
        for entry in [e for e in _tokens if e[1] == identifier]:
            _tokens.pop(entry, None)


def forget_all() -> None:
    _keys.clear()
    _tokens.clear()


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
