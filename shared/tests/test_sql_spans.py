"""Database work is traced as one span per use of a pooled connection, with its round trips and the time
spent waiting for PostgreSQL; outside a trace (relay polls) no span is made."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shared.db import traced
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration


@pytest.fixture
def exported() -> Iterator[tuple[TracerProvider, InMemorySpanExporter]]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    traced.use_tracer(provider.get_tracer("wict.sql"))
    try:
        yield provider, exporter
    finally:
        traced.use_tracer(None)


async def test_a_transaction_is_one_span_counting_its_statements(fresh_database, exported) -> None:
    provider, exporter = exported
    pool = await create_pool(fresh_database("sql_spans"), size=1)
    try:
        database = Database(pool)
        async with database.connection() as connection:
            await connection.execute("CREATE TABLE t (n int PRIMARY KEY)")  # no trace: no span
        with provider.get_tracer("test").start_as_current_span("step"):
            async with database.transaction() as unit:
                await unit.connection.execute("INSERT INTO t VALUES ($1)", 1)
                assert await unit.connection.fetchval("SELECT count(*) FROM t") == 1
            assert await pool.fetchval("SELECT n FROM t") == 1  # the pool's shortcut: a checkout too
        await pool.fetchval("SELECT 1")  # no trace again
    finally:
        await pool.close()
    spans = [span for span in exporter.get_finished_spans() if span.name == traced.SPAN_NAME]
    step = next(span for span in exporter.get_finished_spans() if span.name == "step")
    assert [span.attributes[traced.OPERATIONS] for span in spans] == ["BEGIN INSERT SELECT COMMIT", "SELECT"]
    assert [span.attributes[traced.STATEMENTS] for span in spans] == [4, 1]
    assert all(span.parent is not None and span.parent.span_id == step.context.span_id for span in spans)
    assert all(0 < span.attributes[traced.DURATION_MS] for span in spans)
