"""A person's own account: who they are, their profile, and their API keys (the key shown once)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import msgspec
from litestar import Controller, delete, get, patch, post
from litestar.di import Provide
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from services.venue.domain.access import Principal
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http import auth
from services.venue.entrypoints.http.account_answers import ACCOUNT_REFUSALS, account
from services.venue.entrypoints.http.auth import authenticate
from services.venue.entrypoints.schemas.accounts import (
    Account,
    AccountUpdate,
    ApiKey,
    ApiKeyCreate,
    ApiKeyCreated,
)
from services.venue.handlers import profiles
from shared.http.openapi_problems import problem_responses

AUTH = {401: "no valid API key or access token, or its account is disabled"}


def _key(row: Any) -> ApiKey:
    return ApiKey(
        key_id=row["id"],
        name=row["label"],
        prefix=row["prefix"],
        created_at=row["created_at"],
        last_used_at=row["last_used_at"],
    )


class MeController(Controller):
    path = "/me"
    tags = ["accounts"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = ACCOUNT_REFUSALS

    @get("/", operation_id="WhoAmI", responses=problem_responses(AUTH))
    async def me(self, deps: VenueDependencies, principal: Principal) -> Account:
        """The account behind the API key or access token, with its profile."""
        return account(await profiles.profile(deps.database, principal.account_id))

    @patch(
        "/",
        operation_id="UpdateMe",
        responses=problem_responses(
            {
                **AUTH,
                422: "a field breaks its rule: phone (E.164, mobile), time_zone (IANA), locale (zh-CN or en)",
            }
        ),
    )
    async def update_me(self, data: AccountUpdate, deps: VenueDependencies, principal: Principal) -> Account:
        """Change your name, organization, phone (for SMS), language, time zone or elder-friendly mode."""
        changes = {
            name: value for name, value in msgspec.structs.asdict(data).items() if value is not msgspec.UNSET
        }
        updated = await profiles.update_profile(
            deps.database, principal.account_id, changes, datetime.now(UTC)
        )
        auth.forget(f"account:{principal.account_id}")  # the cached principal carries the old profile
        return account(updated)

    @get("/api-keys", operation_id="ListMyApiKeys", responses=problem_responses(AUTH))
    async def list_keys(self, deps: VenueDependencies, principal: Principal) -> list[ApiKey]:
        """Your API keys that work (without the keys themselves)."""
        return [_key(row) for row in await profiles.api_keys(deps.database, principal.account_id)]

    @post(
        "/api-keys",
        operation_id="CreateMyApiKey",
        status_code=HTTP_201_CREATED,
        responses=problem_responses({**AUTH, 422: "too many keys, or the name is missing"}),
    )
    async def create_key(
        self, data: ApiKeyCreate, deps: VenueDependencies, principal: Principal
    ) -> ApiKeyCreated:
        """A new named API key for your account; the key is in this answer and nowhere else."""
        row, api_key = await profiles.create_api_key(deps.database, principal.account_id, data.name)
        return ApiKeyCreated(key=_key(row), api_key=api_key)

    @delete(
        "/api-keys/{key_id:uuid}",
        operation_id="RevokeMyApiKey",
        status_code=HTTP_204_NO_CONTENT,
        responses=problem_responses({**AUTH, 404: "you have no such key that works"}),
    )
    async def revoke_key(self, key_id: uuid.UUID, deps: VenueDependencies, principal: Principal) -> None:
        """Revoke one of your API keys: it is refused from now on."""
        revoked = await profiles.revoke_api_key(
            deps.database, principal.account_id, key_id, datetime.now(UTC)
        )
        auth.forget(f"key:{revoked.hex()}")
