"""A catering database with its migrations applied, and a way to read what the handlers published."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


@pytest.fixture
async def database(migrated_database: Callable[[str, Path], Awaitable[str]]) -> AsyncIterator[Database]:
    pool = await create_pool(await migrated_database("catering", MIGRATIONS), size=24)
    try:
        await apply_migrations(pool, "catering", MIGRATIONS)
        yield Database(pool)
    finally:
        await pool.close()


STATE_SUBJECT = "catering.evt.task_state"


async def published(
    database: Database, booking_id: uuid.UUID, with_states: bool = False
) -> list[tuple[str, dict[str, Any]]]:
    """(subject, body) of every message staged in the outbox for ``booking_id``, in order; the venue's
    task state events only ``with_states``."""
    rows = await database.pool.fetch("SELECT subject, payload FROM outbox ORDER BY seq")
    messages = [(row["subject"], msgspec.json.decode(row["payload"])) for row in rows]
    return [
        (subject, body)
        for subject, body in messages
        if body["booking_id"] == str(booking_id) and (with_states or subject != STATE_SUBJECT)
    ]
