"""Ops: the display and public-address systems that hear urgent notices (signed webhooks, like the others)."""

from __future__ import annotations

import uuid

from litestar import Controller, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from services.notify.domain.channels import SIGNAGE_KEY
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import recipient_settings
from services.notify.entrypoints.http.auth import ops_guard
from services.notify.entrypoints.schemas.recipients import Webhook, WebhookCreate, WebhookWithSecret


class SignageController(Controller):
    path = "/ops/signage-hooks"
    guards = [ops_guard]
    tags = ["ops"]

    @post("/", operation_id="CreateSignageHook", status_code=HTTP_201_CREATED)
    async def create_signage_hook(
        self, deps: NamedDependency[NotifyDependencies], data: JSONBody[WebhookCreate]
    ) -> WebhookWithSecret:
        """Register a display or public-address system: every urgent notice is posted to it (event
        ``urgent_broadcast``, ``data`` with the headline and message by locale, scope, spaces, expiry),
        signed with the secret in this answer, shown this once."""
        return await recipient_settings.create_webhook(deps, SIGNAGE_KEY, data.url, data.description or "")

    @get("/", operation_id="ListSignageHooks")
    async def list_signage_hooks(self, deps: NamedDependency[NotifyDependencies]) -> list[Webhook]:
        """The registered display and public-address systems, without their secrets."""
        return await recipient_settings.list_webhooks(deps, SIGNAGE_KEY)

    @delete("/{endpoint_id:uuid}", operation_id="DeleteSignageHook", status_code=HTTP_204_NO_CONTENT)
    async def delete_signage_hook(
        self, deps: NamedDependency[NotifyDependencies], endpoint_id: FromPath[uuid.UUID]
    ) -> None:
        """Remove a system; what was still waiting for it is given up."""
        await recipient_settings.delete_webhook(deps, SIGNAGE_KEY, endpoint_id)
