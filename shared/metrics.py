"""One metrics setup for every service: an explicit MeterProvider, Prometheus text at ``GET /metrics``,
OTLP export when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set, and the instruments operators watch.

| instrument | kind | attributes |
|---|---|---|
| ``wict.bookings`` | counter | ``outcome``: confirmed, rejected, cancelled, expired |
| ``wict.saga.step.duration`` (s) | histogram | ``step``; ``outcome``: what ended the wait |
| ``wict.consumer.pending`` | gauge | ``durable``: the service's own consumers, not yet delivered + unacked |
| ``wict.outbox.backlog`` | gauge | rows committed, not yet published |
| ``wict.notifications.deliveries`` | counter | ``channel``, ``outcome``: sent, failed, abandoned, skipped |

Use cases record through the module functions (``count_booking`` ...), which wait for the transaction
to commit; before ``ServiceMetrics`` binds the service's meter they record into a no-op meter (unit
tests, tools). The gauges are read by ``refresh`` (a loop, and each scrape): callbacks of observable
instruments are synchronous and must not query anything themselves.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Sequence

import asyncpg
from nats.js import JetStreamContext
from opentelemetry.metrics import CallbackOptions, Meter, NoOpMeter, Observation
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricReader, PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource

from shared.db.unit_of_work import after_commit
from shared.messaging.streams import Consumer
from shared.telemetry import otlp_configured

log = logging.getLogger(__name__)

PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# seconds: a participant answers in milliseconds, a release may wait for its deadline (30 s), staff
# approve within hours or days (48 h by default)
STEP_BUCKETS = (
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10,
    30,
    60,
    300,
    3600,
    14400,
    86400,
    172800,
)
REFRESH_SECONDS = 5.0
READ_TIMEOUT_SECONDS = 2.0  # a scrape must not hang on a database or NATS that went away


class Instruments:
    """The synchronous instruments, created on one meter."""

    def __init__(self, meter: Meter) -> None:
        self.bookings = meter.create_counter(
            "wict.bookings", unit="{booking}", description="Bookings that reached an outcome"
        )
        self.step_duration = meter.create_histogram(
            "wict.saga.step.duration",
            unit="s",
            description="How long a saga step waited for its outcome (step=saga: the whole saga)",
            explicit_bucket_boundaries_advisory=STEP_BUCKETS,
        )
        self.deliveries = meter.create_counter(
            "wict.notifications.deliveries",
            unit="{delivery}",
            description="Notification deliveries by channel and outcome (each attempt of e-mail, SMS, webhooks)",
        )


_instruments = Instruments(NoOpMeter("wict"))


def count_booking(outcome: str) -> None:
    """A booking reached ``outcome`` (counted when the transaction commits)."""
    after_commit(lambda: _instruments.bookings.add(1, {"outcome": outcome}))


def record_step(step: str, outcome: str, seconds: float) -> None:
    """Saga step ``step`` ended its wait with ``outcome`` after ``seconds`` (when the transaction commits)."""
    after_commit(lambda: _instruments.step_duration.record(seconds, {"step": step, "outcome": outcome}))


def count_delivery(channel: str, outcome: str, deliveries: int = 1) -> None:
    """``deliveries`` of ``channel`` ended an attempt with ``outcome`` (when the transaction commits)."""
    if deliveries:
        after_commit(
            lambda: _instruments.deliveries.add(deliveries, {"channel": channel, "outcome": outcome})
        )


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
        self.instruments = Instruments(self.meter)
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
        """Make this provider's instruments the ones the use cases record into."""
        global _instruments
        _instruments = self.instruments

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
                self.backlog.outbox = await pool.fetchval("SELECT count(*) FROM outbox")
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
        while True:
            await self.refresh()
            await asyncio.sleep(interval)

    async def render(self) -> bytes:
        """Fresh gauges, then every instrument in the Prometheus text format."""
        from prometheus_client import generate_latest

        await self.refresh()
        return generate_latest(self.registry)

    def shutdown(self) -> None:
        self.provider.shutdown()
