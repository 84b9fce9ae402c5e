"""A recipient's settings as staff manage them: webhook endpoints (the secret is shown once) and channel
preferences. Organizers manage their own under /me (``me.py``); both use ``recipient_settings.py``."""

from __future__ import annotations

import uuid

from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import checks, recipient_settings
from services.notify.entrypoints.http.auth import staff_guard
from services.notify.entrypoints.schemas.recipients import (
    Preferences,
    PreferenceUpdate,
    Webhook,
    WebhookCreate,
    WebhookWithSecret,
)


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
        return await recipient_settings.create_webhook(deps, key, data.url, data.description or "")

    @get("/webhooks", operation_id="ListWebhooks")
    async def list_webhooks(
        self, deps: NamedDependency[NotifyDependencies], recipient_key: FromPath[str]
    ) -> list[Webhook]:
        """The recipient's webhook endpoints (active and disabled), without their secrets."""
        return await recipient_settings.list_webhooks(deps, checks.recipient_key(recipient_key))

    @delete("/webhooks/{endpoint_id:uuid}", operation_id="DeleteWebhook", status_code=HTTP_204_NO_CONTENT)
    async def delete_webhook(
        self,
        deps: NamedDependency[NotifyDependencies],
        recipient_key: FromPath[str],
        endpoint_id: FromPath[uuid.UUID],
    ) -> None:
        """Remove an endpoint; what was still waiting for it is given up."""
        await recipient_settings.delete_webhook(deps, checks.recipient_key(recipient_key), endpoint_id)

    @get("/preferences", operation_id="GetPreferences")
    async def get_preferences(
        self, deps: NamedDependency[NotifyDependencies], recipient_key: FromPath[str]
    ) -> Preferences:
        """Per channel: whether non-essential notices are wanted (essential ones always go)."""
        return await recipient_settings.get_preferences(deps, checks.recipient_key(recipient_key))

    @put("/preferences/{channel:str}", operation_id="SetPreference")
    async def set_preference(
        self,
        deps: NamedDependency[NotifyDependencies],
        recipient_key: FromPath[str],
        channel: FromPath[str],
        data: JSONBody[PreferenceUpdate],
    ) -> Preferences:
        """Opt in or out of non-essential notices on one channel (email, sms or webhook)."""
        key = checks.recipient_key(recipient_key)
        return await recipient_settings.set_preference(deps, key, channel, data.non_essential)
