"""Migrations 002 to 004 on a database with live orders: they become revision 0, with no guest needs, and keep working."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from services.catering import handlers
from services.catering.tests.integration.conftest import MIGRATIONS, published
from shared.contracts import ReleaseCatering
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration

LUNCH = datetime(2027, 3, 2, 11, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
LEGACY_ORDER = """
INSERT INTO catering_orders (booking_id, status, menu, headcount, space_id, starts_at, ends_at, serve_at, day,
                             meal_period, price_minor, currency)
VALUES ($1, 'confirmed', 'western-buffet', 120, 'multifunctional-hall', $2, $2, $2, $3, 'lunch', 2256000, 'CNY')
"""


async def test_existing_orders_become_revision_0_and_a_cancellation_still_gives_covers_back(
    fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    shutil.copy(MIGRATIONS / "001_orders.sql", tmp_path / "001_orders.sql")
    pool = await create_pool(fresh_database("catering"), size=4)
    try:
        await apply_migrations(pool, "catering", tmp_path)
        booking = uuid.uuid4()
        await pool.execute("INSERT INTO kitchen_load VALUES ($1, 'lunch', 120, 800)", date(2027, 3, 2))
        await pool.execute(LEGACY_ORDER, booking, LUNCH, date(2027, 3, 2))
        await pool.execute(
            "INSERT INTO vendor_tasks (task_id, booking_id, vendor_id) VALUES ($1, $2, 'caterer-cuntan-kitchen')",
            f"catering-{booking}",
            booking,
        )

        assert await apply_migrations(pool, "catering", MIGRATIONS) == [
            "catering/002_plan_revisions.sql",
            "catering/003_guest_needs.sql",
            "catering/004_vendor_task_states.sql",
        ]
        task = await pool.fetchrow("SELECT state, version, answer_due > now() AS due_later FROM vendor_tasks")
        assert dict(task) == {"state": "awaiting_answer", "version": 1, "due_later": True}
        needs = await pool.fetchrow("SELECT dietary, allergy_notes, layout FROM catering_orders")
        assert dict(needs) == {"dietary": {}, "allergy_notes": "", "layout": ""}

        for table in ("catering_orders", "vendor_tasks"):
            assert await pool.fetchval(f"SELECT array_agg(revision) FROM {table}") == [0], table
        database = Database(pool)
        async with database.transaction() as unit:
            await handlers.release(ReleaseCatering(booking_id=booking, reason="cancelled"), unit)

        (_, released), (subject, cancelled), (_, state) = await published(database, booking, with_states=True)
        assert (released["revision"], subject) == (0, "tasks.catering.caterer-cuntan-kitchen.cancelled")
        assert (state["state"], state["version"]) == ("cancelled", 2)
        assert cancelled["task_id"] == f"catering-{booking}"  # the task keeps the id it was assigned under
        assert await pool.fetchval("SELECT covers_reserved FROM kitchen_load") == 0
    finally:
        await pool.close()
