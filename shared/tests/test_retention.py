"""Retention: old inbox rows and span files go, recent ones stay, and a redelivery within the window is
still caught; a window shorter than the streams keep a message is refused at start-up."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shared.config import ConfigError, ServiceConfig
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database
from shared.retention import retention_loops, sweep_inbox, sweep_spans
from shared.span_store import trace_path

pytestmark = pytest.mark.integration


async def test_inbox_rows_past_the_window_go_recent_ones_stay_and_still_catch_a_redelivery(
    fresh_database, tmp_path: Path
) -> None:
    pool = await create_pool(fresh_database("retention"), size=2)
    try:
        empty = tmp_path / "none"
        empty.mkdir()
        await apply_migrations(pool, "retention", empty)
        now = datetime.now(UTC)
        old, recent = uuid.uuid4(), uuid.uuid4()
        await pool.executemany(
            "INSERT INTO inbox (consumer, message_id, handled_at) VALUES ($1, $2, $3)",
            [("notify", old, now - timedelta(days=31)), ("notify", recent, now - timedelta(days=29))],
        )

        assert await sweep_inbox(pool, keep_days=30, now=now) == 1

        kept = await pool.fetch("SELECT message_id FROM inbox")
        assert [row["message_id"] for row in kept] == [recent]
        async with Database(pool).transaction() as unit:
            assert await unit.claim("notify", recent) is False  # a redelivery within the window: caught
        assert await sweep_inbox(pool, keep_days=30, now=now) == 0
    finally:
        await pool.close()


async def test_span_files_last_written_before_the_window_go_recent_ones_stay(tmp_path: Path) -> None:
    now = time.time()
    old, recent = trace_path(tmp_path, "ab" + "0" * 30), trace_path(tmp_path, "ab" + "1" * 30)
    for path, age_days in ((old, 8), (recent, 6)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}\n")
        os.utime(path, (now - age_days * 86400, now - age_days * 86400))

    assert await sweep_spans(str(tmp_path), keep_days=7, now=now) == 1

    assert not old.exists() and recent.exists()


def test_an_inbox_window_no_longer_than_the_streams_keep_a_message_is_refused() -> None:
    with pytest.raises(ConfigError, match="WICT_INBOX_RETENTION_DAYS"):
        retention_loops(ServiceConfig(inbox_retention_days=14), pool=None, inbox=True)  # type: ignore[arg-type]
    assert len(retention_loops(ServiceConfig(span_dir="/tmp/spans"), pool=None, inbox=True)) == 2  # type: ignore[arg-type]
