"""A service's telemetry is complete: outgoing httpx calls are client spans of the caller's trace (and
carry it on), and the runtime's meter provider (``GET /metrics``, beside the ``wict_*`` instruments) has
litestar's HTTP server metrics; the access log names each request's route, never its path."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from litestar.testing import TestClient
from opentelemetry import trace
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shared.config import ServiceConfig
from shared.logs import JsonFormatter
from shared.service import Runtime, ServiceSpec, instrument_http_clients
from shared.tests.metrics_support import samples

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def runtime() -> Runtime:
    return Runtime(
        ServiceSpec(name="probe", migrations=Path(__file__).parent, messaging=False), ServiceConfig()
    )


@pytest.fixture
def echo_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records the traceparent header of each request."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("traceparent", ""))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *_: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def instrumented(runtime: Runtime) -> Iterator[TracerProvider]:
    """httpx instrumented as a service's own process is (``run_service``), and undone after: it is
    process-wide, and the tests that follow drive their stacks with httpx."""
    instrument_http_clients(runtime.tracer_provider)
    try:
        yield runtime.tracer_provider
    finally:
        HTTPXClientInstrumentor().uninstrument()


async def test_an_httpx_call_is_a_client_span_of_the_current_trace_and_carries_it(
    instrumented, echo_server
) -> None:
    url, seen = echo_server
    exporter = InMemorySpanExporter()
    instrumented.add_span_processor(SimpleSpanProcessor(exporter))

    with instrumented.get_tracer("test").start_as_current_span("work") as parent:
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"{url}/health/ready")).status_code == 204

    trace_id = format(parent.get_span_context().trace_id, "032x")
    [client_span] = [span for span in exporter.get_finished_spans() if span.kind is trace.SpanKind.CLIENT]
    assert client_span.parent is not None and client_span.parent.span_id == parent.get_span_context().span_id
    [traceparent] = seen  # the server hears the trace, with the client span as the parent
    assert traceparent.startswith(f"00-{trace_id}-{client_span.context.span_id:016x}-")


async def test_metrics_show_http_server_metrics_beside_the_services_own(runtime) -> None:
    client = TestClient(runtime.app())  # not entered: no lifespan, and this route needs nothing
    assert client.get("/problems/").status_code == 200

    found = samples(await runtime.metrics.render())
    [count] = [
        value
        for (name, labels), value in found.items()
        if name == "http_server_duration_milliseconds_count" and ("http_status_code", "200") in labels
    ]
    assert count == 1


def test_the_access_log_names_the_route_template_status_duration_and_trace_never_the_path(runtime) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("probe"))
    access = logging.getLogger("wict.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    try:
        client = TestClient(runtime.app())
        assert client.get("/problems/not-found?email=ann@example.org").status_code == 200
        assert client.get("/health/live").status_code in (200, 503)
    finally:
        access.removeHandler(handler)

    [line] = [json.loads(text) for text in stream.getvalue().splitlines()]
    assert (line["msg"], line["method"], line["route"], line["status"]) == (
        "request",
        "GET",
        "/problems/{slug}",
        200,
    )
    assert line["duration_ms"] >= 0 and len(line["trace_id"]) == 32
    assert "not-found" not in stream.getvalue() and "example.org" not in stream.getvalue()
