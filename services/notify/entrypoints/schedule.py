"""The reminder loop: every instance claims due reminders (SKIP LOCKED), so they fire once, after restarts too."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from opentelemetry import trace

from services.notify.handlers.reminders import fire_due
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database

log = logging.getLogger(__name__)


async def run_reminders(
    database: Database,
    notifier: Notifier,
    tracer: trace.Tracer,
    interval: float = 1.0,
    batch_size: int = 32,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> None:
    """Forever: fire what is due (batch after batch while they come back full), then sleep."""
    while True:
        try:
            while await fire_due(database, notifier, tracer, clock(), batch_size) == batch_size:
                pass
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("reminder round failed; retrying")
        await asyncio.sleep(interval)
