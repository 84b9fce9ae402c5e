"""A recipient's settings: webhook endpoints (the secret is shown once) and channel preferences.

Staff only for now (guarded); recipients managing their own settings needs their own credentials here.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from asyncpg import Connection, Record
from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from services.notify.adapters import recipients, webhooks
from services.notify.domain.channels import OPTIONAL_CHANNELS
from services.notify.domain.notices import ESSENTIAL
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import checks
from services.notify.entrypoints.http.auth import staff_guard
from services.notify.entrypoints.schemas.recipients import (
    Preference,
    Preferences,
    PreferenceUpdate,
    Webhook,
    WebhookCreate,
    WebhookWithSecret,
)
from services.notify.handlers.webhooks import register_webhook
from shared.http.problems import ApiError


def _webhook(row: Record) -> Webhook:
    return Webhook(
        id=row["id"],
        url=row["url"],
        state=row["state"],
        consecutive_failures=row["consecutive_failures"],
        created_at=row["created_at"],
        last_success_at=row["last_success_at"],
        last_failure_at=row["last_failure_at"],
        disabled_at=row["disabled_at"],
    )


def _unknown(key: str) -> ApiError:
    return checks.invalid("recipient_key", f"no recipient {key}", 404, "Unknown recipient")


async def _known(connection: Connection, key: str) -> None:
    if await recipients.contact(connection, key) is None:
        raise _unknown(key)


class RecipientsController(Controller):
    path = "/recipients/{recipient_key:str}"
    guards = [staff_guard]
    tags = ["recipients"]

    @post("/webhooks", operation_id="CreateWebhook", status_code=HTTP_201_CREATED)
    async def create_webhook(
        self,
        deps: NamedDependency[NotifyDependencies],
        recipient_key: FromPath[str],
        data: JSONBody[WebhookCreate],
    ) -> WebhookWithSecret:
        """Register a webhook endpoint; the answer holds its signing secret, shown this once."""
        key = checks.recipient_key(recipient_key)
        url = checks.webhook_url(data.url, deps.webhook_require_https)
        async with deps.database.transaction() as unit:
            if not key.startswith("organizer:"):
                await _known(unit.connection, key)
            row = await register_webhook(unit.connection, key, url)
        if row is None:
            raise checks.invalid(
                "url", "this URL is registered for the recipient already", 409, "Already registered"
            )
        return WebhookWithSecret(
            **{field: getattr(_webhook(row), field) for field in Webhook.__struct_fields__},
            secret=row["secret"],
        )

    @get("/webhooks", operation_id="ListWebhooks")
    async def list_webhooks(
        self, deps: NamedDependency[NotifyDependencies], recipient_key: FromPath[str]
    ) -> list[Webhook]:
        """The recipient's webhook endpoints (active and disabled), without their secrets."""
        key = checks.recipient_key(recipient_key)
        async with deps.database.connection() as connection:
            return [_webhook(row) for row in await webhooks.of_recipient(connection, key)]

    @delete("/webhooks/{endpoint_id:uuid}", operation_id="DeleteWebhook", status_code=HTTP_204_NO_CONTENT)
    async def delete_webhook(
        self,
        deps: NamedDependency[NotifyDependencies],
        recipient_key: FromPath[str],
        endpoint_id: FromPath[uuid.UUID],
    ) -> None:
        """Remove an endpoint; what was still waiting for it is given up."""
        key = checks.recipient_key(recipient_key)
        async with deps.database.transaction() as unit:
            if not await webhooks.delete(unit.connection, key, endpoint_id, datetime.now(UTC)):
                raise checks.invalid(
                    "endpoint_id", "no such endpoint for this recipient", 404, "Unknown endpoint"
                )

    @get("/preferences", operation_id="GetPreferences")
    async def get_preferences(
        self, deps: NamedDependency[NotifyDependencies], recipient_key: FromPath[str]
    ) -> Preferences:
        """Per channel: whether non-essential notices are wanted (essential ones always go)."""
        key = checks.recipient_key(recipient_key)
        async with deps.database.connection() as connection:
            await _known(connection, key)
            return await _preferences(connection, key)

    @put("/preferences/{channel:str}", operation_id="SetPreference")
    async def set_preference(
        self,
        deps: NamedDependency[NotifyDependencies],
        recipient_key: FromPath[str],
        channel: FromPath[str],
        data: JSONBody[PreferenceUpdate],
    ) -> Preferences:
        """Opt in or out of non-essential notices on one channel (email, sms or webhook)."""
        key, wanted = checks.recipient_key(recipient_key), checks.optional_channel(channel)
        async with deps.database.transaction() as unit:
            await _known(unit.connection, key)
            await recipients.set_preference(unit.connection, key, wanted, data.non_essential)
            return await _preferences(unit.connection, key)


async def _preferences(connection: Connection, key: str) -> Preferences:
    chosen = await recipients.preferences(connection, key)
    return Preferences(
        recipient=key,
        channels=[Preference(channel=c, non_essential=chosen.get(c, True)) for c in OPTIONAL_CHANNELS],
        essential_notices=sorted(ESSENTIAL),
    )
