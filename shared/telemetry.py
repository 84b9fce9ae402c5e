"""One OpenTelemetry setup for every service: provider, sampler, exporters, saga tags (SQL spans:
``shared/db/traced.py``).

Spans go over OTLP/HTTP when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set, and to per-trace JSON-lines files
when the service has a span folder (the embedded stack always gives one), so an operator can read a
booking's trace without any tracing backend (``GET /bookings/{id}/trace``).

Saga tags: every span started while a saga's tags are in the context carries ``saga.id``,
``booking.id`` and ``saga.step`` (``SagaAttributes``). A booking's saga is named by the booking id; a
change of the booking runs a saga of its own, named ``<booking id>/r<revision>`` after the plan
revision it reserves (the cancellation is a transition of the booking saga, so it keeps the booking's
id). The tags travel with the trace context: in every outbox row, every stored ``trace_context`` and
every message, as the ``Wict-Saga`` header, so a participant, a relay or a sweeper that resumes the
stored context tags its spans with the saga that caused them.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from opentelemetry import context, propagate, trace
from opentelemetry.context import Context
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import (
    Decision,
    ParentBased,
    Sampler,
    SamplingResult,
    TraceIdRatioBased,
)
from opentelemetry.trace import Link, SpanKind
from opentelemetry.util.types import Attributes

from shared.span_store import JsonlTraceExporter

_QUEUE_SIZE = 65536  # the default 2048 drops spans under a few hundred bookings/s

SAGA_HEADER = "Wict-Saga"
SAGA_ID, BOOKING_ID, SAGA_STEP = "saga.id", "booking.id", "saga.step"
_SAGA_KEY = context.create_key("wict-saga")


@dataclass(frozen=True, slots=True)
class SagaTags:
    """Which saga (and step of it) the work in this context belongs to."""

    saga_id: str
    booking_id: str
    step: str = ""

    @classmethod
    def of(
        cls, booking_id: uuid.UUID | str, revision: int = 0, step: str = "", change: bool = False
    ) -> SagaTags:
        """The booking saga, or (``change``) the saga of the change that reserves plan ``revision``."""
        booking = str(booking_id)
        return cls(f"{booking}/r{revision}" if change else booking, booking, step)

    def at(self, step: str) -> SagaTags:
        return replace(self, step=step)

    def attributes(self) -> dict[str, str]:
        tags = {SAGA_ID: self.saga_id, BOOKING_ID: self.booking_id}
        return tags | {SAGA_STEP: self.step} if self.step else tags

    def header(self) -> str:
        return f"{self.saga_id};{self.step}"

    @classmethod
    def from_header(cls, value: str | None) -> SagaTags | None:
        """The tags a ``Wict-Saga`` header names; None when absent or malformed."""
        if not value:
            return None
        saga_id, _, step = value.partition(";")
        booking_id = saga_id.partition("/")[0]
        try:
            uuid.UUID(booking_id)
        except ValueError:
            return None
        return cls(saga_id, booking_id, step)


def saga_of(carrier: Mapping[str, str] | None, booking_id: uuid.UUID | str) -> SagaTags:
    """The saga named in ``carrier`` (message headers, a stored trace context) if it is about
    ``booking_id``, else the booking's own saga: a sender cannot tag another booking's saga."""
    stated = SagaTags.from_header((carrier or {}).get(SAGA_HEADER))
    booking = str(booking_id)
    return stated if stated is not None and stated.booking_id == booking else SagaTags.of(booking)


def current_saga(parent: Context | None = None) -> SagaTags | None:
    tags = context.get_value(_SAGA_KEY, parent)
    return tags if isinstance(tags, SagaTags) else None


def with_saga(tags: SagaTags, parent: Context | None = None) -> Context:
    return context.set_value(_SAGA_KEY, tags, parent)


@contextlib.contextmanager
def saga_scope(tags: SagaTags) -> Iterator[SagaTags]:
    """Tag the current span and every span started inside with ``tags``; messages and rows stored
    inside carry them on (``current_traceparent``)."""
    trace.get_current_span().set_attributes(tags.attributes())
    token = context.attach(with_saga(tags))
    try:
        yield tags
    finally:
        context.detach(token)


class SagaAttributes(SpanProcessor):
    """Copy the saga tags of the parent context onto each span as it starts (a dict read: cheap)."""

    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        tags = context.get_value(_SAGA_KEY, parent_context)
        if isinstance(tags, SagaTags):
            span.set_attributes(tags.attributes())

    def on_end(self, span: ReadableSpan) -> None:
        return None

    def shutdown(self) -> None:
        return None

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return True


class NoRootClientSpans(Sampler):
    """Drop client spans that would start a trace of their own.

    The outbox relays and deadline sweepers poll the database; asyncpg's instrumentation would make
    each poll a new one-span trace. Work that belongs to a booking runs inside the booking's context
    and is sampled through its parent instead.
    """

    def __init__(self, root: Sampler) -> None:
        self._root = root

    def should_sample(
        self,
        parent_context: Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: trace.TraceState | None = None,
    ) -> SamplingResult:
        if kind is SpanKind.CLIENT:
            return SamplingResult(Decision.DROP)
        return self._root.should_sample(parent_context, trace_id, name, kind, attributes, links, trace_state)

    def get_description(self) -> str:
        return f"NoRootClientSpans({self._root.get_description()})"


def service_resource(service: str) -> Resource:
    """``service.name`` (``OTEL_SERVICE_NAME`` wins) and the rest of ``OTEL_RESOURCE_ATTRIBUTES``."""
    return Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", service)})


def otlp_configured(signal: str) -> bool:
    """Whether ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or the signal's own endpoint) names a collector."""
    return bool(
        os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")
        or os.environ.get(f"OTEL_EXPORTER_OTLP_{signal.upper()}_ENDPOINT")
    )


def build_tracer_provider(
    service: str, span_dir: str = "", sample_ratio: float = 1.0, resource: Resource | None = None
) -> TracerProvider:
    """The service's tracer provider: sampler, saga tags, exporters (nothing global)."""
    provider = TracerProvider(
        resource=resource or service_resource(service),
        sampler=ParentBased(root=NoRootClientSpans(TraceIdRatioBased(sample_ratio))),
    )
    provider.add_span_processor(SagaAttributes())
    if otlp_configured("traces"):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(), max_queue_size=_QUEUE_SIZE))
    if span_dir:
        provider.add_span_processor(
            BatchSpanProcessor(
                JsonlTraceExporter(span_dir), max_queue_size=_QUEUE_SIZE, schedule_delay_millis=500
            )
        )
    return provider


def setup_tracing(service: str, span_dir: str = "", sample_ratio: float = 1.0) -> TracerProvider:
    """Build the service's tracer provider and make it global once (the pools' SQL spans use it:
    ``shared.service`` hands its tracer to ``shared/db/traced.py``)."""
    provider = build_tracer_provider(service, span_dir, sample_ratio)
    trace.set_tracer_provider(provider)
    return provider


def current_traceparent() -> dict[str, str]:
    """The W3C trace context of the current span and the current saga's tags, as message or row headers."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    tags = current_saga()
    if tags is not None:
        carrier[SAGA_HEADER] = tags.header()
    return carrier


def context_from(carrier: Mapping[str, str] | None) -> Context:
    """A context whose parent is the span named in ``carrier`` (stored with a row or a message), with
    the saga tags stored beside it."""
    carrier = carrier or {}
    restored = propagate.extract(carrier)
    tags = SagaTags.from_header(carrier.get(SAGA_HEADER))
    return with_saga(tags, restored) if tags else restored


@contextlib.contextmanager
def resumed_span(
    tracer: trace.Tracer,
    name: str,
    stored: Mapping[str, str] | None,
    tags: SagaTags,
    *,
    link: bool = False,
    attributes: Attributes = None,
) -> Iterator[trace.Span]:
    """A span for work a timer or sweep does on a saga, in the saga's stored trace context.

    By default the span is a child of the stored context (it shows in the booking's waterfall); with
    ``link`` it starts a trace of its own that links to the stored one: for work long after the saga's
    trace ended (reminders, option expiry), which would stretch that trace over days.
    """
    resumed = context_from(stored)
    links: list[Link] = []
    if link:
        parent = trace.get_current_span(resumed).get_span_context()
        links = [Link(parent)] if parent.is_valid else []
        resumed = Context()
    token = context.attach(with_saga(tags, resumed))
    try:
        with tracer.start_as_current_span(name, links=links, attributes=attributes) as span:
            yield span
    finally:
        context.detach(token)


def trace_id_hex() -> str:
    span_context = trace.get_current_span().get_span_context()
    return format(span_context.trace_id, "032x") if span_context.is_valid else ""


attach = context.attach
detach = context.detach


def instrument_http_clients(provider: TracerProvider) -> None:
    """Every outgoing httpx call of the process (notify -> venue, the ops API's health checks, webhooks, the
    web application's API calls) becomes a client span of the current trace, which it carries on.

    Process-wide, so only for a service's own process (``run_service``): in a test process it would hand
    the unsampled context of a dropped root client span to every call the tests make."""
    HTTPXClientInstrumentor().instrument(tracer_provider=provider)
