"""The access log: one JSON line per request a route answered (``wict.access``), inside its server span.

Each line names the method, the route's template (``/bookings/{booking_id}``, never the path as sent,
which may carry ids or an e-mail address, nor the query), the status, the duration in milliseconds and,
through the log format (``shared/logs.py``), the trace id. Health checks and ``/metrics`` are left out.
``WICT_ACCESS_LOG=false`` turns it off.
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("wict.access")

QUIET_PREFIXES = ("/health", "/metrics")

# plain ASGI: litestar's TypedDicts are too narrow for a proxy
ASGIApp = Any


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith(QUIET_PREFIXES):
            await self.app(scope, receive, send)
            return
        started, answered = time.perf_counter(), {"status": 500}

        async def watch(message: Any) -> None:
            if message["type"] == "http.response.start":
                answered["status"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            fields = {
                "method": scope["method"],
                "route": scope.get("path_template") or "(no route)",
                "status": answered["status"],
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            }
            log.info("request", extra={"fields": fields})
