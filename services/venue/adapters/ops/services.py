"""The other services over HTTP, for ops: their readiness, and notify's failed deliveries.

Services own their data: the venue asks notify's ops API (``GET /ops/deliveries?state=failed``) with the
caller's own ops credential, which notify checks itself, instead of reading notify's tables.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import msgspec

READY_SECONDS = 2.0
NOTIFY_SECONDS = 10.0


@dataclass(frozen=True)
class Readiness:
    service: str
    url: str
    ready: bool
    checks: dict[str, bool] = field(default_factory=dict)
    error: str = ""  # why it is not ready, when it did not say itself


class _Health(msgspec.Struct, frozen=True):
    status: str
    checks: dict[str, bool] = {}


async def readiness(urls: dict[str, str]) -> list[Readiness]:
    """``GET <url>/health/ready`` of each service, all at once."""
    async with httpx.AsyncClient(timeout=READY_SECONDS) as client:
        return list(await asyncio.gather(*(_ready(client, name, url) for name, url in urls.items())))


async def _ready(client: httpx.AsyncClient, service: str, url: str) -> Readiness:
    try:
        response = await client.get(f"{url.rstrip('/')}/health/ready")
    except httpx.HTTPError as error:
        return Readiness(service, url, False, error=f"no answer: {type(error).__name__}")
    try:
        health = msgspec.json.decode(response.content, type=_Health)
    except msgspec.MsgspecError:
        return Readiness(service, url, False, error=f"HTTP {response.status_code} without a health report")
    ready = response.status_code == 200 and health.status == "ok"
    return Readiness(service, url, ready, health.checks, "" if ready else f"HTTP {response.status_code}")


class NotifyRefused(Exception):
    """notify answered, but not with the deliveries (status and its problem's title in the message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class NotifyUnavailable(Exception):
    """notify did not answer."""


async def failed_deliveries(
    notify_url: str, credential: str, booking_id: uuid.UUID | None, limit: int
) -> list[dict[str, Any]]:
    """notify's failed deliveries, newest first, as notify's ops API shows them."""
    params: dict[str, str | int] = {"state": "failed", "limit": limit}
    if booking_id is not None:
        params["booking_id"] = str(booking_id)
    try:
        async with httpx.AsyncClient(timeout=NOTIFY_SECONDS) as client:
            response = await client.get(
                f"{notify_url.rstrip('/')}/ops/deliveries",
                params=params,
                headers={"Authorization": f"Bearer {credential}"},
            )
    except httpx.HTTPError as error:
        raise NotifyUnavailable(f"notify does not answer at {notify_url}: {type(error).__name__}") from None
    if response.status_code != 200:
        title = _title(response)
        raise NotifyRefused(response.status_code, f"notify answered {response.status_code}: {title}")
    found: list[dict[str, Any]] = response.json()
    return found


def _title(response: httpx.Response) -> str:
    try:
        return str(response.json().get("title", ""))
    except (ValueError, AttributeError):
        return response.reason_phrase
