"""Liveness and readiness, the same two endpoints on every service."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import msgspec
from litestar import Controller, Response, get

from shared.http.api_docs import PUBLIC

ReadinessCheck = Callable[[], Awaitable[bool]]


class Health(msgspec.Struct, frozen=True):
    status: str
    service: str
    checks: dict[str, bool] = {}


class HealthController(Controller):
    path = "/health"
    security = PUBLIC
    include_in_schema = True
    tags = ["health"]

    @get("/live", operation_id="Live", sync_to_thread=False)
    def live(self, service_name: str) -> Health:
        """The process runs and answers."""
        return Health(status="ok", service=service_name)

    @get("/ready", operation_id="Ready")
    async def ready(self, service_name: str, readiness: dict[str, ReadinessCheck]) -> Response[Health]:
        """The service can do its work: database, NATS and consumers are up, and it is not draining."""
        checks = {name: await check() for name, check in readiness.items()}
        healthy = all(checks.values())
        return Response(
            Health(status="ok" if healthy else "unavailable", service=service_name, checks=checks),
            status_code=200 if healthy else 503,
        )
