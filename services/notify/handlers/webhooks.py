"""Webhook endpoints: registering one (the secret is shown once) and telling the owner when one is disabled."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

import asyncpg

from services.notify.adapters import recipients, webhooks
from services.notify.adapters.webhook_sender import OnDisabled
from services.notify.domain.signature import new_secret
from services.notify.handlers.telling import Notifier, Telling, tell_one

log = logging.getLogger(__name__)

_NOTICE_NAMESPACE = uuid.UUID("9c3e5b1a-0f6d-4c2b-8e7a-5d4f3b2a1c90")


async def register_webhook(
    connection: asyncpg.Connection, recipient_key: str, url: str, description: str = ""
) -> asyncpg.Record | None:
    """A new endpoint with a fresh secret (returned in the row); None if the URL is registered already."""
    if recipient_key.startswith("organizer:"):
        await recipients.ensure_organizer(connection, recipient_key)
    row = await webhooks.register(connection, recipient_key, url, new_secret(), description)
    if row is not None:
        log.info("webhook endpoint registered", extra={"fields": {"endpoint_id": str(row["id"])}})
    return row


def disabled_notice(notifier: Notifier) -> OnDisabled:
    """What the webhook sender calls, in its transaction, when an endpoint has just been disabled."""

    async def on_disabled(connection: asyncpg.Connection, endpoint: asyncpg.Record, now: datetime) -> None:
        fields = {"endpoint_id": str(endpoint["id"]), "failures": endpoint["consecutive_failures"]}
        log.warning("webhook endpoint disabled after repeated failures", extra={"fields": fields})
        owner = await recipients.contact(connection, endpoint["recipient_key"])
        if owner is None:
            return
        telling = Telling(
            message_id=uuid.uuid5(_NOTICE_NAMESPACE, str(endpoint["id"])),
            notice="webhook_disabled",
            booking_id=None,
            variables=lambda reader, contact: {
                "recipient_name": contact.name or contact.email,
                "endpoint_id": str(endpoint["id"]),
                "endpoint_url": endpoint["url"],
                "failures": str(endpoint["consecutive_failures"]),
                "venue_name": reader.style.venue_name,
            },
            data={
                "endpoint_id": str(endpoint["id"]),
                "failures": endpoint["consecutive_failures"],
                "disabled_at": now,
            },
        )
        await tell_one(connection, notifier, telling, owner)

    return on_disabled
