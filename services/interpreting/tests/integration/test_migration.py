"""Migrations 002 to 004 on a database with live bookings: they become revision 0 and keep working."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from services.interpreting import handlers
from services.interpreting.adapters.repository import seed_roster
from services.interpreting.domain.roster import Roster
from services.interpreting.tests.integration.commands import published, run
from services.interpreting.tests.integration.conftest import MIGRATIONS
from shared.contracts import ReleaseInterpreting, ReserveInterpreting
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)
LEGACY = """
INSERT INTO reservations (booking_id, status, space_id, starts_at, ends_at, floor_language, target_languages,
                          team_per_booth, attendees)
VALUES ($1, 'confirmed', 'room-a', $2, $3, 'en', '{ja}', 1, 40);
"""


async def test_existing_bookings_become_revision_0_and_a_cancellation_still_frees_them(
    fresh_database: Callable[[str], str], roster: Roster, tmp_path: Path
):
    shutil.copy(MIGRATIONS / "001_interpreting.sql", tmp_path / "001_interpreting.sql")
    pool = await create_pool(fresh_database("interpreting"), size=4)
    try:
        await apply_migrations(pool, "interpreting", tmp_path)
        booking, during = uuid.uuid4(), (START - timedelta(minutes=30), START + timedelta(hours=1))
        async with pool.acquire() as connection:
            await seed_roster(connection, roster)
            await connection.execute(LEGACY, booking, START, START + timedelta(minutes=30))
            await connection.execute(
                "INSERT INTO booth_holds VALUES ($1, 'mobile-1', 'ja', tstzrange($2, $3))", booking, *during
            )
            await connection.execute(
                "INSERT INTO assignments VALUES ($1, 'mobile-1', 'yz-04', 'agency-yangtze', tstzrange($2, $3))",
                booking,
                *during,
            )
            await connection.execute(
                "INSERT INTO vendor_tasks (task_id, booking_id, vendor_id, message_id) VALUES ($1, $2, $3, $4)",
                f"interpreting-{booking}-agency-yangtze",
                booking,
                "agency-yangtze",
                uuid.uuid4(),
            )

        assert await apply_migrations(pool, "interpreting", MIGRATIONS) == [
            "interpreting/002_plan_revisions.sql",
            "interpreting/003_modes_relay_receivers.sql",
            "interpreting/004_vendor_task_states.sql",
        ]

        async with pool.acquire() as connection:
            for table in ("reservations", "booth_holds", "assignments", "vendor_tasks"):
                assert await connection.fetchval(f"SELECT array_agg(revision) FROM {table}") == [0], table
            task = await connection.fetchrow(
                "SELECT state, version, answer_due > now() AS due_later FROM vendor_tasks"
            )
            assert dict(task) == {"state": "awaiting_answer", "version": 1, "due_later": True}
        database = Database(pool)
        rival = ReserveInterpreting(
            booking_id=uuid.uuid4(),
            space_id="room-b",
            starts_at=START,
            ends_at=START + timedelta(minutes=30),
            floor_language="en",
            target_languages=["ja"],
            attendees=10,
        )
        await run(database, handlers.reserve, rival, roster)
        assert (await published(database, rival.booking_id))[0][0] == "interpreting.evt.rejected"

        await run(database, handlers.release, ReleaseInterpreting(booking_id=booking, reason="cancelled"))

        subjects = [subject for subject, _ in await published(database, booking, with_states=True)]
        assert subjects == [
            "interpreting.evt.released",
            "tasks.interpreting.agency-yangtze.cancelled",
            "interpreting.evt.task_state",
        ]
        async with pool.acquire() as connection:
            assert await connection.fetchval("SELECT count(*) FROM assignments") == 0
    finally:
        await pool.close()
