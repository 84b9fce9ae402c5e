"""An organizer's own notification settings: channel preferences and webhook endpoints, with the venue
API key or access token of their account. The same rules as bookings: an organizer sees and changes only
their own (the key is derived from the caller, never taken from the request)."""

from __future__ import annotations

import uuid

from litestar import Controller, delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT

from services.notify.domain.channels import organizer_key
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http import recipient_settings
from services.notify.entrypoints.http.auth import Connection, organizer
from services.notify.entrypoints.schemas.recipients import (
    ChannelPreferenceUpdate,
    Preferences,
    Webhook,
    WebhookCreate,
    WebhookWithSecret,
)
from shared.http.openapi_problems import problem_responses

AUTH = {401: "no valid venue API key or access token (or its account is disabled)", 403: "not an organizer"}


async def _own_key(connection: Connection, deps: NotifyDependencies) -> str:
    return organizer_key((await organizer(connection, deps)).email)


class MeController(Controller):
    path = "/me"
    tags = ["my notifications"]

    @get("/preferences", operation_id="GetMyPreferences", responses=problem_responses(AUTH))
    async def get_preferences(
        self, request: Connection, deps: NamedDependency[NotifyDependencies]
    ) -> Preferences:
        """Per channel: whether you want non-essential notices (essential ones always reach you)."""
        return await recipient_settings.get_preferences(deps, await _own_key(request, deps), own=True)

    @put(
        "/preferences/{channel:str}",
        operation_id="SetMyPreference",
        responses=problem_responses(
            {**AUTH, 404: "no such channel", 422: "the in-app feed cannot be turned off"}
        ),
    )
    async def set_preference(
        self,
        request: Connection,
        deps: NamedDependency[NotifyDependencies],
        channel: FromPath[str],
        data: JSONBody[ChannelPreferenceUpdate],
    ) -> Preferences:
        """Turn non-essential notices on one channel (email, sms or webhook) on or off."""
        key = await _own_key(request, deps)
        return await recipient_settings.set_preference(deps, key, channel, data.enabled, own=True)

    @get("/webhooks", operation_id="ListMyWebhooks", responses=problem_responses(AUTH))
    async def list_webhooks(
        self, request: Connection, deps: NamedDependency[NotifyDependencies]
    ) -> list[Webhook]:
        """Your webhook endpoints (active and disabled), without their secrets."""
        return await recipient_settings.list_webhooks(deps, await _own_key(request, deps))

    @post(
        "/webhooks",
        operation_id="CreateMyWebhook",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(
            {**AUTH, 409: "you registered this URL already", 422: "not an http(s) URL"}
        ),
    )
    async def create_webhook(
        self, request: Connection, deps: NamedDependency[NotifyDependencies], data: JSONBody[WebhookCreate]
    ) -> WebhookWithSecret:
        """Register a webhook endpoint of yours; the answer holds its signing secret, shown this once."""
        key = await _own_key(request, deps)
        return await recipient_settings.create_webhook(deps, key, data.url, data.description or "")

    @delete(
        "/webhooks/{endpoint_id:uuid}",
        operation_id="DeleteMyWebhook",
        status_code=HTTP_204_NO_CONTENT,
        responses=problem_responses({**AUTH, 404: "you have no such endpoint"}),
    )
    async def delete_webhook(
        self, request: Connection, deps: NamedDependency[NotifyDependencies], endpoint_id: FromPath[uuid.UUID]
    ) -> None:
        """Remove one of your endpoints; what was still waiting for it is given up."""
        await recipient_settings.delete_webhook(deps, await _own_key(request, deps), endpoint_id)
