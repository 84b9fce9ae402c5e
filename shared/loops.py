"""One way to run a periodic background loop: sweepers, dispatchers, schedulers and retries.

``every(interval, round, name=...)`` runs ``round`` forever: a round that raises is logged (with the
loop's name) and retried after ``interval``; cancellation (the service draining) ends the loop at once.
``drain(step)`` is the usual round: call ``step`` until it says there is nothing more to do now.
Shutdown is the runner's: ``shared/service.py`` cancels every loop task and waits for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Round = Callable[[], Awaitable[object]]


async def every(interval: float, round_: Round, *, name: str, wake: asyncio.Event | None = None) -> None:
    """Forever: run one round, then sleep ``interval`` (or until ``wake`` is set: work was just made);
    a failed round is logged, not fatal."""
    while True:
        try:
            await round_()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception(f"{name} failed; retrying", extra={"fields": {"loop": name}})
        if wake is None:
            await asyncio.sleep(interval)
            continue
        try:
            await asyncio.wait_for(wake.wait(), interval)
        except TimeoutError:
            pass
        wake.clear()


def drain(step: Callable[[], Awaitable[bool]]) -> Round:
    """A round that repeats ``step`` while it reports work done (``True``)."""

    async def round_() -> None:
        while await step():
            pass

    return round_
