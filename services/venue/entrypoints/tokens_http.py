"""Access tokens: an API key buys a short-lived bearer token (JWT) for clients that should not hold the key."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec
from litestar import Controller, Request, post
from litestar.di import NamedDependency, Provide
from litestar.status_codes import HTTP_201_CREATED

from services.venue.domain.access import Principal
from services.venue.domain.tokens import issue, looks_like_token
from services.venue.entrypoints.auth import authenticate, bearer
from shared.http.problems import ApiError
from shared.service import Context


class AccessToken(msgspec.Struct, frozen=True, kw_only=True):
    access_token: str
    token_type: str
    expires_in: int  # seconds
    expires_at: datetime


class TokensController(Controller):
    path = "/tokens"
    tags = ["accounts"]
    dependencies = {"principal": Provide(authenticate)}

    @post("/", operation_id="CreateAccessToken", status_code=HTTP_201_CREATED)
    async def create_token(
        self,
        request: Request[Any, Any, Any],
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
    ) -> AccessToken:
        """An access token for the caller's account, valid for WICT_JWT_TTL_SECONDS; only an API key buys one."""
        if looks_like_token(bearer(request) or ""):
            raise ApiError(403, "API key required", "an access token cannot buy another: use your API key")
        settings = context.state["token_settings"]
        now = datetime.now(UTC)
        issued = issue(principal.account_id, principal.role.value, settings, now)
        lifetime = int(settings.lifetime.total_seconds())
        return AccessToken(
            access_token=issued.token, token_type="Bearer", expires_in=lifetime, expires_at=issued.expires_at
        )
