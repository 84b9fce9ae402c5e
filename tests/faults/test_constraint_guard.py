"""Scenario 1's control: the exclusion constraint, not luck or timing, is what keeps a slot single.

The same race of concurrent bookings runs on a database with the constraint and on one without it: with
it exactly one booking holds the slot; without it the race double-books. So the race test can fail.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.handlers.booking import create_booking
from services.venue.handlers.errors import SlotTaken
from services.venue.tests.integration.test_booking_saga_db import CATALOG, NOW, SETTINGS, booking
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database
from tests.faults.conftest import size

pytestmark = pytest.mark.integration

MIGRATIONS = Path(__file__).resolve().parents[2] / "services" / "venue" / "migrations"


async def _race(dsn: str, drop_constraint: bool) -> int:
    pool = await create_pool(dsn, size=24)
    try:
        await apply_migrations(pool, "venue", MIGRATIONS)
        if drop_constraint:
            await pool.execute("ALTER TABLE space_holds DROP CONSTRAINT space_holds_no_overlap")
        database = VenueDatabase(Database(pool))
        attempts = [
            create_booking(booking(title=f"t{i}"), database, CATALOG, SETTINGS, NOW)
            for i in range(size(200, 100))
        ]
        results = await asyncio.gather(*attempts, return_exceptions=True)
        failures = [result for result in results if isinstance(result, BaseException)]
        assert all(isinstance(failure, SlotTaken) for failure in failures), failures[:3]
        holders: int = await pool.fetchval("SELECT count(DISTINCT booking_id) FROM space_holds")
        return holders
    finally:
        await pool.close()


async def test_with_the_constraint_one_booking_holds_the_slot(fresh_database):
    assert await _race(fresh_database("venue"), drop_constraint=False) == 1


async def test_without_the_constraint_the_same_race_double_books(fresh_database):
    assert await _race(fresh_database("venue"), drop_constraint=True) > 1
