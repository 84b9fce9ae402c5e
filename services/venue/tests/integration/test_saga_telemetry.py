"""A deadline-driven compensation is traced in the booking's own trace (read back from the span files)
and tagged with its saga; the saga metrics count the outcome once the transactions commit."""

import uuid
from datetime import UTC, datetime

import pytest
from opentelemetry import trace
from prometheus_client.parser import text_string_to_metric_families

from services.venue.domain.catalog import load_catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.booking import create_booking
from services.venue.handlers.deadlines import expire_one
from services.venue.tests.integration.test_booking_saga_db import booking
from shared.span_store import read_trace
from shared.telemetry import SAGA_HEADER, build_tracer_provider, context_from
from shared.tests.metrics_support import bound_metrics

pytestmark = pytest.mark.integration

CATALOG = load_catalog()
SETTINGS = SagaSettings()


@pytest.fixture
def traced(tmp_path, monkeypatch):
    provider = build_tracer_provider("venue", span_dir=str(tmp_path))
    with bound_metrics("venue") as measured:
        yield provider, tmp_path, measured
    provider.shutdown()


async def pass_deadlines(database, booking_id: uuid.UUID) -> None:
    await database.pool.execute(
        "UPDATE saga_steps SET deadline = now() - interval '1 second' WHERE booking_id = $1 AND deadline IS NOT NULL",
        booking_id,
    )


def series(text: bytes, name: str) -> dict[tuple[tuple[str, str], ...], float]:
    return {
        tuple(sorted(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text.decode())
        for sample in family.samples
        if sample.name == name
    }


async def test_a_deadline_compensation_is_traced_in_the_bookings_trace_with_its_saga(database, traced):
    provider, span_dir, measured = traced
    tracer = provider.get_tracer("test")
    with tracer.start_as_current_span("POST /bookings"):
        accepted = await create_booking(
            booking(catering=True), database, CATALOG, SETTINGS, datetime.now(UTC)
        )
    booking_id = str(accepted.booking_id)
    assert len(accepted.trace_id) == 32

    await pass_deadlines(database, accepted.booking_id)  # the caterer never answers
    assert await expire_one(database, CATALOG, SETTINGS, tracer)  # gives the step up: release it
    await pass_deadlines(database, accepted.booking_id)  # nor acknowledges the release
    assert await expire_one(database, CATALOG, SETTINGS, tracer)  # the hall is freed: rejected
    assert await database.pool.fetchval("SELECT status FROM bookings WHERE id = $1", accepted.booking_id) == (
        "rejected"
    )
    provider.force_flush()

    spans = read_trace(span_dir, accepted.trace_id)
    deadlines = [span for span in spans if span.name == "saga deadline"]
    assert len(deadlines) == 2
    root = next(span for span in spans if span.name == "POST /bookings")
    for span in [root, *deadlines]:
        assert span.attributes["saga.id"] == booking_id and span.attributes["booking.id"] == booking_id
    assert {span.attributes["saga.step"] for span in deadlines} == {"catering"}
    assert all(span.parent_id == root.span_id for span in deadlines)  # resumed from the stored context

    # what the compensation published goes on in the same trace and saga
    rows = await database.pool.fetch("SELECT subject, headers FROM outbox ORDER BY seq")
    release = next(row for row in rows if row["subject"] == "catering.cmd.release")
    rejected = next(row for row in rows if row["subject"] == "venue.evt.booking_rejected")
    for row in (release, rejected):
        sent_in = trace.get_current_span(context_from(row["headers"])).get_span_context()
        assert format(sent_in.trace_id, "032x") == accepted.trace_id
        assert row["headers"][SAGA_HEADER] == f"{booking_id};catering"

    text = await measured.render()
    assert series(text, "wict_bookings_total") == {(("outcome", "rejected"),): 1}
    waits = series(text, "wict_saga_step_duration_seconds_count")
    assert waits[(("outcome", "abandoned"), ("step", "catering"))] == 1
    assert waits[(("outcome", "release_timeout"), ("step", "catering"))] == 1
    assert waits[(("outcome", "rejected"), ("step", "saga"))] == 1
