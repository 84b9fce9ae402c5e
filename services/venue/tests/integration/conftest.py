"""An empty, migrated venue database per test, on the session's real PostgreSQL."""

from pathlib import Path

import pytest

from services.venue.adapters.unit_of_work import VenueDatabase
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


@pytest.fixture
async def database(migrated_database):
    pool = await create_pool(await migrated_database("venue", MIGRATIONS), size=24)
    await apply_migrations(pool, "venue", MIGRATIONS)
    yield VenueDatabase(Database(pool))
    await pool.close()
