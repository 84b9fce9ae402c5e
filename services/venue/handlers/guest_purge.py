"""The purge of self-registered guests' data (docs/guests.md, retention): at once when the booking will not
take place, else ``WICT_GUEST_RETENTION_DAYS`` after it ends (the setting guest lists use); letter rows,
which keep only masked facts for a consulate that checks late, after ``WICT_LETTER_RETENTION_DAYS``.
Audited with counts only."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.guests import purge_reason

log = logging.getLogger(__name__)
SYSTEM = "system:guest-purge"
LETTER_BATCH = 1000


async def purge_registrations_one(database: VenueDatabase, retention: timedelta, now: datetime) -> bool:
    """Purge one due booking's invitations, registrations and letters' PDFs; False when none is due."""
    async with database.transaction() as unit:
        due = await unit.guest_purge.due(now - retention)
        if due is None:
            return False
        reason = purge_reason(due["status"], due["ends_at"], retention, now) or "retention"
        counts = await unit.guest_purge.purge(due["booking_id"], now)
        await unit.audit.record(
            due["booking_id"], SYSTEM, "guest registrations purged", {**counts, "reason": reason}
        )
    log.info(
        "guest registrations purged",
        extra={"fields": {"booking_id": str(due["booking_id"]), **counts, "reason": reason}},
    )
    return True


async def purge_old_letters(database: VenueDatabase, retention: timedelta, now: datetime) -> bool:
    """Delete one batch of letter rows older than their retention; False when a batch was not full."""
    async with database.transaction() as unit:
        deleted = await unit.guest_purge.purge_letters(now - retention, LETTER_BATCH)
    if deleted:
        log.info("invitation letters purged", extra={"fields": {"letters": deleted}})
    return deleted == LETTER_BATCH
