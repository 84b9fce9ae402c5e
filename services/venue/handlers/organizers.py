"""The staff's desk: find organizers, see one with their bookings' counts, disable or enable an account."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.profiles import Profile
from services.venue.handlers.account_context import person_of
from services.venue.handlers.account_refusals import NotFound
from services.venue.handlers.signup import profile_changed
from shared.contracts import AccountDisabled

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrganizerCounts:
    bookings: int
    upcoming: int
    by_status: dict[str, int]
    api_keys: int
    live_sessions: int


async def find(
    database: VenueDatabase, needle: str | None, after: tuple[str, uuid.UUID] | None, limit: int
) -> list[Any]:
    async with database.autocommit() as unit:
        return await unit.organizers.search(needle, after, limit)


async def organizer(
    database: VenueDatabase, account_id: uuid.UUID, now: datetime
) -> tuple[Profile, OrganizerCounts]:
    async with database.autocommit() as unit:
        found = await unit.accounts.profile(account_id)
        if found is None or found.role != "organizer":
            raise NotFound()
        by_status, upcoming = await unit.organizers.booking_counts(account_id, now)
        keys = await unit.credentials.api_keys(account_id)
        sessions = await unit.credentials.live_sessions(account_id, now)
    counts = OrganizerCounts(sum(by_status.values()), upcoming, by_status, len(keys), sessions)
    return found, counts


async def set_disabled(
    database: VenueDatabase, account_id: uuid.UUID, disabled: bool, by: uuid.UUID, now: datetime
) -> Profile:
    """Disable (every key, token and session refused at once; the person is told) or enable an account."""
    async with database.transaction() as unit:
        existing = await unit.accounts.lock(account_id)
        if existing is None or existing["role"] != "organizer":
            raise NotFound()
        updated = await unit.accounts.set_disabled(account_id, disabled, by, now)
        assert updated is not None
        if disabled and existing["disabled_at"] is None:
            await unit.credentials.revoke_sessions(account_id, "account disabled", now)
            unit.publish(AccountDisabled(account_id=account_id, person=person_of(existing), occurred_at=now))
        elif not disabled:
            await unit.credentials.announce(f"account:{account_id}")
            unit.publish(profile_changed(updated, now))
    action = "account disabled" if disabled else "account enabled"
    log.info(action, extra={"fields": {"account_id": str(account_id), "by": str(by)}})
    return updated
