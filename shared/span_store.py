"""Per-trace JSON-lines span files: the embedded stack's trace store, and the waterfall that reads it.

Each service appends the spans of a trace to ``<dir>/<first two hex digits>/<trace id>.jsonl``;
appends of whole lines are atomic on a local file system, so four services can share a folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import msgspec
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExporter, SpanExportResult


class SpanRecord(msgspec.Struct, frozen=True, kw_only=True):
    trace_id: str
    span_id: str
    parent_id: str | None
    service: str
    name: str
    kind: str
    start_ns: int
    end_ns: int
    status: str
    attributes: dict[str, str | int | float | bool] = {}
    links: list[str] = []  # "<trace id>-<span id>" of each linked span (work resumed from a stored trace)


_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(SpanRecord)


def trace_path(span_dir: str | Path, trace_id: str) -> Path:
    return Path(span_dir) / trace_id[:2] / f"{trace_id}.jsonl"


def _record(span: ReadableSpan) -> SpanRecord:
    context = span.get_span_context()
    assert context is not None, "finished spans always have a context"
    attributes = {
        key: value for key, value in (span.attributes or {}).items() if isinstance(value, str | int | float)
    }
    return SpanRecord(
        trace_id=format(context.trace_id, "032x"),
        span_id=format(context.span_id, "016x"),
        parent_id=format(span.parent.span_id, "016x") if span.parent else None,
        service=str(span.resource.attributes.get("service.name", "unknown")),
        name=span.name,
        kind=span.kind.name.lower(),
        start_ns=span.start_time or 0,
        end_ns=span.end_time or 0,
        status=span.status.status_code.name.lower(),
        attributes=attributes,
        links=[
            f"{link.context.trace_id:032x}-{link.context.span_id:016x}" for link in span.links if link.context
        ],
    )


class JsonlTraceExporter(SpanExporter):
    """Append finished spans to their trace's file."""

    def __init__(self, span_dir: str) -> None:
        self._dir = Path(span_dir)
        self._made: set[Path] = set()  # a mkdir per trace per batch was a syscall each; 256 folders at most

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        by_trace: dict[str, list[bytes]] = {}
        for span in spans:
            record = _record(span)
            by_trace.setdefault(record.trace_id, []).append(_encoder.encode(record) + b"\n")
        try:
            for trace_id, lines in by_trace.items():
                self._append(trace_path(self._dir, trace_id), b"".join(lines))
        except OSError:
            return SpanExportResult.FAILURE
        return SpanExportResult.SUCCESS

    def _append(self, path: Path, lines: bytes) -> None:
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except FileNotFoundError:  # the folder was removed since (a test cleaning up): make it again
            self._made.discard(path.parent)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, lines)
        finally:
            os.close(fd)

    def shutdown(self) -> None:
        return None


def purge_traces(span_dir: str | Path, written_before: float, limit: int = 1000) -> int:
    """Delete up to ``limit`` trace files last written before ``written_before`` (a POSIX time); the
    number deleted. Several services may sweep one folder at once. The (at most 256) folders stay: a
    writer may be about to append there."""
    deleted = 0
    for folder in sorted(Path(span_dir).glob("??")):
        for path in sorted(folder.glob("*.jsonl")):
            if deleted >= limit:
                return deleted
            try:
                if path.stat().st_mtime < written_before:
                    path.unlink()
                    deleted += 1
            except FileNotFoundError:
                continue  # another service swept it first
    return deleted


def read_trace(span_dir: str | Path, trace_id: str) -> list[SpanRecord]:
    """Every stored span of the trace, earliest first."""
    path = trace_path(span_dir, trace_id)
    if not path.exists():
        return []
    stored = path.read_bytes()
    # a writer may be appending right now: only lines it has finished (ended by a newline) count
    complete = stored[: stored.rfind(b"\n") + 1]
    spans = [_decoder.decode(line) for line in complete.splitlines() if line.strip()]
    return sorted(spans, key=lambda span: span.start_ns)


def _database_work(span: SpanRecord) -> str:
    """' 12 stmts 3.4 ms' for a span of database work (``shared/db/traced.py``): its round trips and the
    time spent waiting for PostgreSQL."""
    statements, waited = span.attributes.get("db.statements"), span.attributes.get("db.duration_ms")
    if statements is None:
        return ""
    return f" {statements} stmts {float(waited):.1f} ms" if waited is not None else f" {statements} stmts"


def render_waterfall(spans: Sequence[SpanRecord], width: int = 40) -> str:
    """Spans as an indented tree with a time bar each, the way tracing UIs draw them."""
    if not spans:
        return "no spans stored for this trace (yet)\n"
    ids = {span.span_id for span in spans}
    children: dict[str | None, list[SpanRecord]] = {}
    for span in spans:
        parent = span.parent_id if span.parent_id in ids else None
        children.setdefault(parent, []).append(span)
    start = min(span.start_ns for span in spans)
    total = max(max(span.end_ns for span in spans) - start, 1)
    lines = [f"trace {spans[0].trace_id}  {len(spans)} spans  {total / 1e6:.1f} ms"]

    def walk(parent: str | None, depth: int) -> None:
        for span in sorted(children.get(parent, []), key=lambda s: s.start_ns):
            offset = int((span.start_ns - start) / total * width)
            length = max(1, int((span.end_ns - span.start_ns) / total * width))
            bar = " " * offset + "█" * min(length, width - offset)
            label = f"{'  ' * depth}{span.service}: {span.name}{_database_work(span)}"
            took = (span.end_ns - span.start_ns) / 1e6
            at = (span.start_ns - start) / 1e6
            flag = " !" if span.status == "error" else ""
            lines.append(f"{label[:58]:<58} |{bar:<{width}}| +{at:8.1f} ms {took:8.1f} ms{flag}")
            walk(span.span_id, depth + 1)

    walk(None, 0)
    return "\n".join(lines) + "\n"
