"""Retention every service runs, each a periodic job through ``shared/loops.py``.

- the ``inbox`` (services with messaging): a handled message id is kept ``WICT_INBOX_RETENTION_DAYS``
  [30], longer than any stream keeps a message (``MAX_AGE_SECONDS``, 14 days), so every redelivery is
  still caught; start-up refuses a shorter window.
- span files of the embedded store (``WICT_SPAN_DIR`` set): a trace's file is deleted
  ``WICT_SPAN_RETENTION_DAYS`` [7] after it was last written.

Each sweep runs every ``WICT_RETENTION_SWEEP_SECONDS`` [3600] in every instance; deleting what another
instance deleted first is harmless. A service's own retention (idempotent requests, notification
payloads) sits in its ``timers``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import asyncpg

from shared.config import ConfigError, ServiceConfig, env_name
from shared.db.retention import purge_inbox
from shared.loops import every
from shared.messaging.streams import MAX_AGE_SECONDS
from shared.span_store import purge_traces

log = logging.getLogger(__name__)

Loop = Callable[[], Coroutine[Any, Any, None]]
BATCH = 5000
DAY = 24 * 3600


async def sweep_inbox(pool: asyncpg.Pool, keep_days: float, now: datetime | None = None) -> int:
    """Delete every inbox row handled more than ``keep_days`` ago, batch by batch; the number deleted."""
    before = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    deleted = 0
    while (batch := await purge_inbox(pool, before, BATCH)) > 0:
        deleted += batch
        if batch < BATCH:
            break
    if deleted:
        log.info("inbox rows purged", extra={"fields": {"rows": deleted}})
    return deleted


async def sweep_spans(span_dir: str, keep_days: float, now: float | None = None) -> int:
    """Delete every trace file last written more than ``keep_days`` ago; the number deleted."""
    before = (time.time() if now is None else now) - keep_days * DAY
    deleted = 0
    while (batch := await asyncio.to_thread(purge_traces, span_dir, before, BATCH)) > 0:
        deleted += batch
        if batch < BATCH:
            break
    if deleted:
        log.info("span files purged", extra={"fields": {"files": deleted}})
    return deleted


def retention_loops(config: ServiceConfig, pool: asyncpg.Pool, *, inbox: bool) -> list[Loop]:
    """The shared retention loops of one service (``inbox``: it consumes messages)."""
    if config.inbox_retention_days * DAY <= MAX_AGE_SECONDS:
        raise ConfigError(
            f"{env_name('inbox_retention_days')} must be longer than the streams keep a message "
            f"({MAX_AGE_SECONDS // DAY} days), or a redelivered message could be handled twice"
        )
    interval = config.retention_sweep_seconds
    loops: list[Loop] = []
    if inbox:
        sweep = partial(sweep_inbox, pool, config.inbox_retention_days)
        loops.append(partial(every, interval, sweep, name="inbox retention"))
    if config.span_dir:
        spans = partial(sweep_spans, config.span_dir, config.span_retention_days)
        loops.append(partial(every, interval, spans, name="span retention"))
    return loops
