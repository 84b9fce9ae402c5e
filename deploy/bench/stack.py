"""The bench's own stack: ephemeral (temporary folder, free ports), tracing on at 100 % into the span
store, PostgreSQL with pg_stat_statements loaded so statements can be counted per database."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

from deploy.embedded.stack import DATABASES, Stack, StackConfig

# every statement the services send, counted per database (top level: what crosses the wire)
_PG_SETTINGS = {
    "shared_preload_libraries": "'pg_stat_statements'",
    "pg_stat_statements.track": "'top'",
    "pg_stat_statements.max": "10000",
    "track_io_timing": "'off'",
}


@dataclass
class BenchStack:
    """A running stack and what the phases need to drive and observe it."""

    stack: Stack
    folder: Path
    organizer_key: str
    keep: bool = False

    @property
    def venue_url(self) -> str:
        return self.stack.service("venue").base_url

    @property
    def nats_url(self) -> str:
        return self.stack.nats.url

    def dsn(self, database: str = "postgres") -> str:
        return self.stack.postgres.dsn(database)

    @property
    def span_dir(self) -> Path:
        return self.stack.spans_dir

    def stop(self) -> None:
        self.stack.stop()
        if not self.keep:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_stack(keep: bool = False, parent: Path | None = None) -> BenchStack:
    """Start PostgreSQL (with pg_stat_statements), NATS, the SMTP sink and the four services."""
    os.environ["WICT_TRACE_SAMPLE_RATIO"] = "1.0"  # every booking traced, as the services do by default
    # a folder outside pytest's temp root: PostgreSQL runs as another user (see tests/support.py)
    folder = Path(tempfile.mkdtemp(prefix="wict-bench-", dir=parent))
    stack = Stack(StackConfig.ephemeral(folder))
    try:
        stack.start_infrastructure()
        _load_pg_stat_statements(stack)
        stack.start_services()
        key = _organizer_key(stack)
    except BaseException:
        stack.stop()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return BenchStack(stack, folder, key, keep)


def _load_pg_stat_statements(stack: Stack) -> None:
    """The library has to be preloaded: set it for the cluster, restart, create the view everywhere."""
    for name, value in _PG_SETTINGS.items():
        stack.postgres.psql(f"ALTER SYSTEM SET {name} = {value}")
    stack.postgres.restart()
    for database in ("postgres", *DATABASES):
        stack.postgres.psql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", database)


def _organizer_key(stack: Stack) -> str:
    """A fresh organizer account, made with the stack's staff key: the bench books as it."""
    response = httpx.post(
        f"{stack.service('venue').base_url}/organizers",
        headers={"Authorization": f"Bearer {stack.credentials['staff']}"},
        json={
            "name": "Bench Organizer",
            "email": f"bench-{uuid.uuid4().hex[:8]}@example.org",
            "locale": "en",
            "time_zone": "Europe/London",
            "organization": "Tourism board (bench)",
        },
        timeout=10,
    )
    response.raise_for_status()
    return str(response.json()["api_key"])
