"""One OpenTelemetry setup for every service: provider, sampler, exporters, asyncpg spans.

Spans go over OTLP/HTTP when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set, and to per-trace JSON-lines files
when the service has a span folder (the embedded stack always gives one), so an operator can read a
booking's trace without any tracing backend (``GET /bookings/{id}/trace``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from opentelemetry import context, propagate, trace
from opentelemetry.context import Context
from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
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


def setup_tracing(service: str, span_dir: str = "", sample_ratio: float = 1.0) -> TracerProvider:
    """Build the service's tracer provider, make it global once, and instrument asyncpg with it."""
    provider = TracerProvider(
        resource=Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME", service)}),
        sampler=ParentBased(root=NoRootClientSpans(TraceIdRatioBased(sample_ratio))),
    )
    if os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(), max_queue_size=_QUEUE_SIZE))
    if span_dir:
        provider.add_span_processor(
            BatchSpanProcessor(
                JsonlTraceExporter(span_dir), max_queue_size=_QUEUE_SIZE, schedule_delay_millis=500
            )
        )
    trace.set_tracer_provider(provider)
    AsyncPGInstrumentor().instrument(tracer_provider=provider)
    return provider


def current_traceparent() -> dict[str, str]:
    """The W3C trace context of the current span, as message or row headers."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


def context_from(carrier: dict[str, str] | None) -> Context:
    """A context whose parent is the span named in ``carrier`` (stored with a row or a message)."""
    return propagate.extract(carrier or {})


def trace_id_hex() -> str:
    span_context = trace.get_current_span().get_span_context()
    return format(span_context.trace_id, "032x") if span_context.is_valid else ""


attach = context.attach
detach = context.detach
