"""``GET /metrics``: the service's instruments in the Prometheus text format, for scraping."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from litestar import Controller, Response, get

from shared.metrics import PROMETHEUS_CONTENT_TYPE

RenderMetrics = Callable[[], Awaitable[bytes]]


class MetricsController(Controller):
    path = "/metrics"
    include_in_schema = False  # for Prometheus, not for API clients

    @get("/", operation_id="Metrics")
    async def metrics(self, render_metrics: RenderMetrics) -> Response[bytes]:
        """Counters, histograms and gauges of this service instance (no personal data)."""
        return Response(await render_metrics(), media_type=PROMETHEUS_CONTENT_TYPE)
