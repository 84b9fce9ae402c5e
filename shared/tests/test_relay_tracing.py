"""Against real PostgreSQL and NATS: the outbox relay publishes in the trace (and saga) stored with each
row, not its own; records made in a transaction count once it commits, never when it rolls back."""

import uuid

import nats
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shared.contracts import ReleaseCatering
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database, after_commit
from shared.messaging.relay import OutboxRelay
from shared.telemetry import SAGA_HEADER, SagaAttributes, SagaTags, context_from, saga_scope

pytestmark = pytest.mark.integration

SUBJECT = "venue.test.relay-tracing"  # in the VENUE stream, outside every durable consumer's filter


@pytest.fixture
async def database(fresh_database, tmp_path):
    pool = await create_pool(fresh_database("relay"), size=4)
    await apply_migrations(pool, "relay", tmp_path)
    yield Database(pool)
    await pool.close()


async def test_the_relay_publishes_in_the_stored_trace_with_the_sagas_tags(database, infra):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SagaAttributes())
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("test")
    booking_id = uuid.uuid4()
    with tracer.start_as_current_span("PATCH /bookings/x") as request:
        with saga_scope(SagaTags.of(booking_id, 1, "hold", change=True)):
            async with database.transaction() as unit:
                unit.publish(ReleaseCatering(booking_id=booking_id, revision=1), subject=SUBJECT)
    origin = request.get_span_context()
    connection = await nats.connect(infra.nats.url)
    try:
        js = connection.jetstream()
        relay = OutboxRelay(database.pool, js, tracer)
        assert await relay.relay_batch() == 1  # outside any span: the relay has no context of its own
        published = await js.get_last_msg("VENUE", SUBJECT)
    finally:
        await connection.close()
    headers = published.headers or {}
    assert headers[SAGA_HEADER] == f"{booking_id}/r1;hold"
    sent_in = context_from(headers)
    assert trace.get_current_span(sent_in).get_span_context().trace_id == origin.trace_id
    span = next(span for span in exporter.get_finished_spans() if span.name == f"{SUBJECT} publish")
    assert span.context.trace_id == origin.trace_id and span.parent.span_id == origin.span_id
    assert span.attributes["saga.id"] == f"{booking_id}/r1" and span.attributes["booking.id"] == str(
        booking_id
    )
    provider.shutdown()


async def test_a_record_waits_for_the_commit_and_is_dropped_with_a_rollback(database):
    made: list[str] = []

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        async with database.transaction():
            after_commit(lambda: made.append("rolled back"))
            raise Boom()
    async with database.transaction() as unit:
        after_commit(lambda: made.append("committed"))
        await unit.connection.execute("SELECT 1")
        assert made == []  # not yet: the transaction may still fail
    assert made == ["committed"]
