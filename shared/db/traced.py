"""One span per use of a pooled connection (a transaction, or a few autocommit statements), not one per
statement.

OpenTelemetry's asyncpg instrumentation made a span of every statement: 193 of a booking's 237 spans,
each created, tagged and exported, for ops who read the database time of a step, not each statement's.
``TracedConnection`` counts instead: the span ``SQL`` starts with the first statement in a traced
context and ends when the connection goes back to the pool (``finish``, the pool's release hook), with
``db.statements`` (round trips: BEGIN and COMMIT included), ``db.duration_ms`` (the time spent waiting
for PostgreSQL) and ``db.operations`` (each statement's first word, in order). Outside any sampled trace
(relay polls, sweepers) nothing is created: those would start one-span traces of their own.
"""

# ruff: noqa: ASYNC109  (the overrides keep asyncpg's own signatures, timeout included)
from __future__ import annotations

from time import perf_counter
from typing import Any

import asyncpg
from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

SPAN_NAME = "SQL"
STATEMENTS, DURATION_MS, OPERATIONS = "db.statements", "db.duration_ms", "db.operations"
_OPERATIONS_MAX = 400  # characters of db.operations

_tracer: trace.Tracer | None = None


def use_tracer(tracer: trace.Tracer | None) -> None:
    """The tracer of the service's provider (``shared.service``); without one, nothing is traced."""
    global _tracer
    _tracer = tracer


class TracedConnection(asyncpg.Connection):
    """An asyncpg connection that counts its statements into one span per checkout."""

    __slots__ = ("_wict_operations", "_wict_seconds", "_wict_span", "_wict_statements")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wict_span: trace.Span | None = None
        self._wict_statements = 0
        self._wict_seconds = 0.0
        self._wict_operations: list[str] = []

    def _begin(self, query: str) -> float:
        if self._wict_statements == 0 and _tracer is not None:
            parent = trace.get_current_span().get_span_context()
            if parent.is_valid and parent.trace_flags.sampled:
                self._wict_span = _tracer.start_span(
                    SPAN_NAME, kind=SpanKind.CLIENT, attributes={"db.system": "postgresql"}
                )
        self._wict_statements += 1
        self._wict_operations.append(query.lstrip().partition(" ")[0].rstrip(";").upper())
        return perf_counter()

    def _end(self, started: float, error: BaseException | None = None) -> None:
        self._wict_seconds += perf_counter() - started
        if error is not None and self._wict_span is not None:
            self._wict_span.set_status(Status(StatusCode.ERROR, type(error).__name__))

    async def execute(self, query: str, *args: Any, timeout: float | None = None) -> str:
        started = self._begin(query)
        try:
            status: str = await super().execute(query, *args, timeout=timeout)
        except BaseException as error:
            self._end(started, error)
            raise
        self._end(started)
        return status

    async def executemany(self, command: str, args: Any, *, timeout: float | None = None) -> None:
        started = self._begin(command)
        try:
            await super().executemany(command, args, timeout=timeout)
        except BaseException as error:
            self._end(started, error)
            raise
        self._end(started)

    async def fetch(
        self, query: str, *args: Any, timeout: float | None = None, record_class: Any = None
    ) -> Any:
        started = self._begin(query)
        try:
            rows = await super().fetch(query, *args, timeout=timeout, record_class=record_class)
        except BaseException as error:
            self._end(started, error)
            raise
        self._end(started)
        return rows

    async def fetchrow(
        self, query: str, *args: Any, timeout: float | None = None, record_class: Any = None
    ) -> Any:
        started = self._begin(query)
        try:
            row = await super().fetchrow(query, *args, timeout=timeout, record_class=record_class)
        except BaseException as error:
            self._end(started, error)
            raise
        self._end(started)
        return row

    async def fetchval(self, query: str, *args: Any, column: int = 0, timeout: float | None = None) -> Any:
        started = self._begin(query)
        try:
            value = await super().fetchval(query, *args, column=column, timeout=timeout)
        except BaseException as error:
            self._end(started, error)
            raise
        self._end(started)
        return value

    def finish(self) -> None:
        """End this checkout's span (if it has one) with its counts, and start counting afresh."""
        span, self._wict_span = self._wict_span, None
        if span is not None:
            span.set_attributes(
                {
                    STATEMENTS: self._wict_statements,
                    DURATION_MS: round(self._wict_seconds * 1000, 3),
                    OPERATIONS: " ".join(self._wict_operations)[:_OPERATIONS_MAX],
                }
            )
            span.end()
        self._wict_statements, self._wict_seconds, self._wict_operations = 0, 0.0, []
