"""A recipient's settings, whoever manages them (staff under /recipients/{key}, an organizer under /me):
webhook endpoints (the secret shown once) and channel preferences."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from asyncpg import Connection, Record

from services.notify.adapters import recipients, webhooks
from services.notify.domain.channels import OPTIONAL_CHANNELS
from services.notify.domain.notices import ESSENTIAL
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import checks
from services.notify.entrypoints.schemas.recipients import Preference, Preferences, Webhook, WebhookWithSecret
from services.notify.handlers.webhooks import register_webhook
from shared.http.problems import ApiError


def webhook(row: Record) -> Webhook:
    return Webhook(
        id=row["id"],
        url=row["url"],
        state=row["state"],
        consecutive_failures=row["consecutive_failures"],
        created_at=row["created_at"],
        last_success_at=row["last_success_at"],
        last_failure_at=row["last_failure_at"],
        disabled_at=row["disabled_at"],
        description=row["description"],
    )


def _unknown(key: str) -> ApiError:
    return checks.invalid("recipient_key", f"no recipient {key}", 404, "Unknown recipient")


async def known(connection: Connection, key: str, own: bool = False) -> None:
    """404 unless ``key`` is a recipient; an organizer's own settings (``own``) make them one."""
    if own and key.startswith("organizer:"):
        await recipients.ensure_organizer(connection, key)
    elif await recipients.contact(connection, key) is None:
        raise _unknown(key)


async def create_webhook(
    deps: NotifyDependencies, key: str, url: str, description: str = ""
) -> WebhookWithSecret:
    checked = checks.webhook_url(url, deps.webhook_require_https)
    async with deps.database.transaction() as unit:
        if not key.startswith("organizer:"):
            await known(unit.connection, key)
        row = await register_webhook(unit.connection, key, checked, description)
    if row is None:
        raise checks.invalid(
            "url", "this URL is registered for the recipient already", 409, "Already registered"
        )
    return WebhookWithSecret(
        **{field: getattr(webhook(row), field) for field in Webhook.__struct_fields__},
        secret=row["secret"],
    )


async def list_webhooks(deps: NotifyDependencies, key: str) -> list[Webhook]:
    async with deps.database.connection() as connection:
        return [webhook(row) for row in await webhooks.of_recipient(connection, key)]


async def delete_webhook(deps: NotifyDependencies, key: str, endpoint_id: uuid.UUID) -> None:
    async with deps.database.transaction() as unit:
        if not await webhooks.delete(unit.connection, key, endpoint_id, datetime.now(UTC)):
            raise checks.invalid(
                "endpoint_id", "no such endpoint for this recipient", 404, "Unknown endpoint"
            )


async def get_preferences(deps: NotifyDependencies, key: str, own: bool = False) -> Preferences:
    async with deps.database.transaction() as unit:
        await known(unit.connection, key, own)
        return await preferences(unit.connection, key)


async def set_preference(
    deps: NotifyDependencies, key: str, channel: str, wanted: bool, own: bool = False
) -> Preferences:
    chosen = checks.optional_channel(channel)
    async with deps.database.transaction() as unit:
        await known(unit.connection, key, own)
        await recipients.set_preference(unit.connection, key, chosen, wanted)
        return await preferences(unit.connection, key)


async def preferences(connection: Connection, key: str) -> Preferences:
    chosen = await recipients.preferences(connection, key)
    return Preferences(
        recipient=key,
        channels=[
            Preference(channel=c, non_essential=chosen.get(c, True), enabled=chosen.get(c, True))
            for c in OPTIONAL_CHANNELS
        ],
        essential_notices=sorted(ESSENTIAL),
    )
