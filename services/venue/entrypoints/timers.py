"""The venue's periodic loops, each through ``shared/loops.py``: saga and change deadlines, option expiry
and its warnings, the guest-data purge, the accounts' upkeep (expired links and sessions, forgotten
failed sign-ins), listening for revoked credentials (each instance drops its cached answers) and for
Idempotency-Key answers (waiting repeats wake), and the idempotency records' retention. They run in
every instance; SKIP LOCKED lets several instances share a sweep without handling one row twice."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from services.venue.adapters.credential_changes import listen
from services.venue.adapters.idempotency import ANSWERS_CHANNEL, IdempotentRequests
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http import auth
from services.venue.handlers import account_upkeep, deadlines, guest_purge, guests, options
from shared.loops import drain, every

Loop = Callable[[], Coroutine[Any, Any, None]]
log = logging.getLogger(__name__)
RETENTION_BATCH = 5000


def loops(deps: VenueDependencies) -> list[Loop]:
    config = deps.config
    return [
        partial(every, config.deadline_sweep_seconds, partial(sweep_deadlines, deps), name="deadline sweep"),
        partial(every, config.hold_sweep_seconds, partial(sweep_holds, deps), name="hold sweep"),
        partial(
            every, config.guest_purge_sweep_seconds, partial(purge_guest_data, deps), name="guest data purge"
        ),
        partial(
            every,
            config.account_upkeep_seconds,
            partial(account_upkeep.purge, deps.accounts),
            name="accounts upkeep",
        ),
        partial(every, 1.0, partial(follow_credential_changes, deps), name="credential changes"),
        partial(every, 1.0, partial(follow_idempotent_answers, deps), name="idempotent answers"),
        partial(
            every,
            config.retention_sweep_seconds,
            partial(purge_idempotent_requests, deps.idempotent_requests, config.idempotency_retention_hours),
            name="idempotency retention",
        ),
    ]


async def follow_idempotent_answers(deps: VenueDependencies) -> None:
    """Wake the repeats waiting here for a first answer kept or forgotten by any instance."""
    waiters = deps.idempotent_requests.waiters
    await listen(deps.database.pool, waiters.heard, waiters.wake_all, channel=ANSWERS_CHANNEL)


async def purge_idempotent_requests(
    requests: IdempotentRequests, keep_hours: float, now: datetime | None = None
) -> int:
    """Forget the answers to Idempotency-Keys older than ``keep_hours`` (``WICT_IDEMPOTENCY_RETENTION_HOURS``)."""
    before = (now or datetime.now(UTC)) - timedelta(hours=keep_hours)
    deleted = 0
    while (batch := await requests.purge(before, RETENTION_BATCH)) > 0:
        deleted += batch
        if batch < RETENTION_BATCH:
            break
    if deleted:
        log.info("idempotent requests purged", extra={"fields": {"rows": deleted}})
    return deleted


async def follow_credential_changes(deps: VenueDependencies) -> None:
    """Drop cached answers about credentials revoked anywhere (all of them after a reconnect)."""
    await listen(deps.database.pool, auth.forget, auth.forget_all)


async def sweep_deadlines(deps: VenueDependencies) -> None:
    """Expire every overdue saga step, then every overdue change step."""
    await drain(partial(deadlines.expire_one, deps.database, deps.catalog, deps.saga, deps.tracer))()
    await drain(partial(deadlines.expire_change_step, deps.database, deps.catalog, deps.saga, deps.tracer))()


async def sweep_holds(deps: VenueDependencies) -> None:
    """Warn of options about to expire, lapse expired ones (promoting the waitlist)."""
    now = datetime.now(UTC)
    await drain(partial(options.warn_one, deps.database, deps.catalog, deps.holds, now, deps.tracer))()
    await drain(partial(options.expire_one, deps.database, deps.catalog, deps.holds, now, deps.tracer))()


async def purge_guest_data(deps: VenueDependencies) -> None:
    """Purge every due guest list (the booking will not take place, or its retention ran out)."""
    retention = timedelta(days=deps.config.guest_retention_days)
    await drain(lambda: guests.purge_one(deps.database, retention, datetime.now(UTC)))()
    # self-registered guests (issue 16): registrations, invitations and letters' PDFs, then old letter rows
    await drain(lambda: guest_purge.purge_registrations_one(deps.database, retention, datetime.now(UTC)))()
    letters = timedelta(days=deps.config.letter_retention_days)
    await drain(lambda: guest_purge.purge_old_letters(deps.database, letters, datetime.now(UTC)))()
