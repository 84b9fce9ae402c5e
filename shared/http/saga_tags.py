"""Requests about one booking (``/.../{booking_id}/...``) are tagged with the booking's saga, so their
spans (and the database spans under them) carry ``saga.id`` and ``booking.id`` like the saga's own.
A use case that starts another saga (a change) or works on one step (an approval) narrows the tags."""

from __future__ import annotations

import uuid

from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from shared.telemetry import SagaTags, saga_scope


def _booking_id(scope: Scope) -> uuid.UUID | None:
    value = scope.get("path_params", {}).get("booking_id")
    if isinstance(value, uuid.UUID) or value is None:
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


class SagaTagsMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        booking_id = _booking_id(scope)
        if booking_id is None:
            await next_app(scope, receive, send)
            return
        with saga_scope(SagaTags.of(booking_id)):
            await next_app(scope, receive, send)
