"""A fresh interpreting database per test: migrations applied, roster seeded."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from services.interpreting.adapters.repository import seed_roster
from services.interpreting.domain.roster import Roster, load_roster
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


@pytest.fixture
def roster() -> Roster:
    return load_roster()


@pytest.fixture
async def database(
    migrated_database: Callable[[str, Path], Awaitable[str]], roster: Roster
) -> AsyncIterator[Database]:
    pool = await create_pool(await migrated_database("interpreting", MIGRATIONS), size=24)
    try:
        await apply_migrations(pool, "interpreting", MIGRATIONS)
        async with pool.acquire() as connection:
            await seed_roster(connection, roster)
        yield Database(pool)
    finally:
        await pool.close()
