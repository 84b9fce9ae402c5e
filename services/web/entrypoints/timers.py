"""The web's one background loop: ended sessions (and their drafts) are deleted (retention rule)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from services.web.entrypoints.dependencies import WebDependencies
from shared.loops import every

log = logging.getLogger(__name__)


def session_purge(deps: WebDependencies) -> Callable[[], Coroutine[Any, Any, None]]:
    async def purge_round() -> None:
        purged = await deps.sessions.purge(datetime.now(UTC))
        if purged:
            log.info("sessions purged", extra={"fields": {"sessions": purged}})

    async def loop() -> None:
        await every(deps.config.session_purge_seconds, purge_round, name="session-purge")

    loop.__name__ = "session-purge"
    return loop
