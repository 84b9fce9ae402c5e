"""The guest-data purge sweep: guests of bookings that will not take place, or whose retention ran out, go.

Runs in every instance; SKIP LOCKED lets several instances share the sweep without purging a list twice.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from services.venue.usecases.guests import purge_one
from shared.db.unit_of_work import Database

log = logging.getLogger(__name__)


async def sweep_guest_data(database: Database, retention: timedelta, interval: float = 5.0) -> None:
    """Forever: purge every due guest list, then sleep ``interval``."""
    while True:
        try:
            while await purge_one(database, retention, datetime.now(UTC)):
                pass
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("guest data purge failed; retrying")
        await asyncio.sleep(interval)
