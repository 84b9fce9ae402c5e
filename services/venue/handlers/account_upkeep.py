"""Retention of what accounts leave behind: expired one-time links and sessions (kept a week after expiry,
so a late click is told "expired"), failed sign-ins once forgotten, and spent mail budgets."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from services.venue.domain.throttle import PER_CLIENT, PER_EMAIL
from services.venue.handlers.account_context import AccountContext

log = logging.getLogger(__name__)


async def purge(context: AccountContext, now: datetime | None = None) -> int:
    """Delete what no rule needs any more; how many rows went."""
    now = now or datetime.now(UTC)
    forget_after = max(PER_EMAIL.forget_after, PER_CLIENT.forget_after)
    async with context.database.transaction() as unit:
        deleted = await unit.credentials.purge_expired(now - context.settings.keep_expired)
        deleted += await unit.sign_in_guard.purge(
            now - forget_after, now - context.settings.mail_budget.window, now
        )
    if deleted:
        log.info("accounts upkeep", extra={"fields": {"deleted": deleted}})
    return deleted
