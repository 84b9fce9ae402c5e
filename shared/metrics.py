"""One metrics setup for every service: an explicit MeterProvider, Prometheus text at ``GET /metrics``,
OTLP export when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set, and the instruments operators watch.

Every service has these gauges:

| instrument | kind | attributes |
|---|---|---|
| ``wict.consumer.pending`` | gauge | ``durable``: the service's own consumers, not yet delivered + unacked |
| ``wict.outbox.backlog`` | gauge | rows committed, not yet published |

A service's own instruments live with its use cases (the venue's bookings and saga steps in
services/venue/handlers/saga_metrics.py, notify's deliveries in services/notify/handlers/delivery_metrics.py),
declared with ``Instruments(build)``: built on the service's meter once ``ServiceMetrics.bind`` ran, on a
no-op meter before (unit tests, tools). They record through ``after_commit``, so a rolled-back
transaction counts nothing. The gauges are read by ``refresh`` (a loop, and each scrape): callbacks of
observable instruments are synchronous and must not query anything themselves.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

import asyncpg
from nats.js import JetStreamContext
from opentelemetry.metrics import CallbackOptions, Meter, NoOpMeter, Observation
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricReader, PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource

from shared.db import outbox
from shared.loops import every
from shared.messaging.streams import Consumer
from shared.telemetry import otlp_configured

log = logging.getLogger(__name__)

PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
REFRESH_SECONDS = 5.0
READ_TIMEOUT_SECONDS = 2.0  # a scrape must not hang on a database or NATS that went away


T = TypeVar("T")
_meter: Meter = NoOpMeter("wict")


class Instruments(Generic[T]):
    """A service's own instruments, built by ``build`` on the bound meter (again if another binds)."""

    def __init__(self, build: Callable[[Meter], T]) -> None:
        self._build = build
        self._made: tuple[Meter, T] | None = None

    def __call__(self) -> T:
        if self._made is None or self._made[0] is not _meter:
            self._made = (_meter, self._build(_meter))
        return self._made[1]


class Backlog:
    """The last figures read for the gauges: pending per durable consumer, outbox rows."""

    def __init__(self) -> None:
        self.pending: dict[str, int] = {}
        self.outbox: int | None = None

    def observe_pending(self, _: CallbackOptions) -> Iterable[Observation]:
        return [Observation(count, {"durable": durable}) for durable, count in self.pending.items()]

    def observe_outbox(self, _: CallbackOptions) -> Iterable[Observation]:
        return [] if self.outbox is None else [Observation(self.outbox)]


class ServiceMetrics:
    """The service's meter provider and its readers; ``render`` is the body of ``GET /metrics``."""

    def __init__(self, resource: Resource, readers: Sequence[MetricReader] = ()) -> None:
        from opentelemetry.exporter.prometheus import PrometheusMetricReader
        from prometheus_client import CollectorRegistry

        self.registry = CollectorRegistry()  # our own: never prometheus_client's process-global one
        readers = [PrometheusMetricReader(scope_info_enabled=False, registry=self.registry), *readers]
        if otlp_configured("metrics"):
            from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter

            readers.append(PeriodicExportingMetricReader(OTLPMetricExporter()))
        self.provider = MeterProvider(resource=resource, metric_readers=readers)
        self.meter = self.provider.get_meter("wict")
        self.backlog = Backlog()
        self.meter.create_observable_gauge(
            "wict.consumer.pending",
            [self.backlog.observe_pending],
            unit="{message}",
            description="Messages of the service's durable consumer not yet delivered, plus delivered and unacked",
        )
        self.meter.create_observable_gauge(
            "wict.outbox.backlog",
            [self.backlog.observe_outbox],
            unit="{message}",
            description="Outbox rows committed but not yet published",
        )
        self._sources: tuple[asyncpg.Pool, JetStreamContext, Sequence[Consumer]] | None = None

    def bind(self) -> None:
        """Make this provider's meter the one the services' instruments are built on."""
        global _meter
        _meter = self.meter

    def watch(self, pool: asyncpg.Pool, jetstream: JetStreamContext, consumers: Sequence[Consumer]) -> None:
        """Where ``refresh`` reads the gauges from: the service's database and its own consumers."""
        self._sources = (pool, jetstream, consumers)

    async def refresh(self) -> None:
        """Read the outbox size and each durable's pending count; a figure that cannot be read is dropped."""
        if self._sources is None:
            return
        pool, jetstream, consumers = self._sources
        try:
            async with asyncio.timeout(READ_TIMEOUT_SECONDS):
                self.backlog.outbox = await outbox.backlog(pool)
        except Exception as error:
            self.backlog.outbox = None
            log.debug("outbox backlog not read", extra={"fields": {"error": type(error).__name__}})
        for consumer in consumers:
            try:
                info = await jetstream.consumer_info(
                    consumer.stream, consumer.durable, timeout=READ_TIMEOUT_SECONDS
                )
                self.backlog.pending[consumer.durable] = (info.num_pending or 0) + (info.num_ack_pending or 0)
            except Exception as error:
                self.backlog.pending.pop(consumer.durable, None)
                fields = {"durable": consumer.durable, "error": type(error).__name__}
                log.debug("consumer pending not read", extra={"fields": fields})

    async def run(self, interval: float = REFRESH_SECONDS) -> None:
        """Forever: refresh the gauges for exporters that pull on their own schedule (OTLP)."""
        await every(interval, self.refresh, name="metrics gauges")

    async def render(self) -> bytes:
        """Fresh gauges, then every instrument in the Prometheus text format."""
        from prometheus_client import generate_latest

        await self.refresh()
        return generate_latest(self.registry)

    def shutdown(self) -> None:
        self.provider.shutdown()
