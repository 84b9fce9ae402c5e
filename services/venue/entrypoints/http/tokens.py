"""Access tokens: an API key buys a short-lived bearer token (JWT) for clients that should not hold the key."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar import Controller, Request, post
from litestar.di import Provide
from litestar.status_codes import HTTP_201_CREATED

from services.venue.domain.access import Principal
from services.venue.domain.tokens import issue, looks_like_token
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, bearer
from services.venue.entrypoints.schemas.accounts import AccessToken
from shared.http.problems import ApiError


class TokensController(Controller):
    path = "/tokens"
    tags = ["accounts"]
    dependencies = {"principal": Provide(authenticate)}

    @post("/", operation_id="CreateAccessToken", status_code=HTTP_201_CREATED)
    async def create_token(
        self, request: Request[Any, Any, Any], deps: VenueDependencies, principal: Principal
    ) -> AccessToken:
        """An access token for the caller's account, valid for WICT_JWT_TTL_SECONDS; only an API key buys one."""
        if looks_like_token(bearer(request) or ""):
            raise ApiError(403, "API key required", "an access token cannot buy another: use your API key")
        settings = deps.tokens
        now = datetime.now(UTC)
        issued = issue(principal.account_id, principal.role.value, settings, now)
        lifetime = int(settings.lifetime.total_seconds())
        return AccessToken(
            access_token=issued.token, token_type="Bearer", expires_in=lifetime, expires_at=issued.expires_at
        )
