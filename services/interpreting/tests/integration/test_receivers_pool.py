"""The receivers pool under concurrency: never over capacity, and a short pool says how short."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting import handlers
from services.interpreting.adapters import receivers, repository
from services.interpreting.domain.plan import plan_for
from services.interpreting.domain.roster import Roster
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import ReleaseInterpreting, ReserveInterpreting
from shared.db.unit_of_work import Database
from shared.participant.domain.plans import PlanKey

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)


def reserve_command(room: str, attendees: int, shift: float = 0) -> ReserveInterpreting:
    starts_at = START + timedelta(hours=shift)
    return ReserveInterpreting(
        booking_id=uuid.uuid4(),
        space_id=room,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=30),
        floor_language="en",
        target_languages=["zh"],
        attendees=attendees,
    )


async def most_used(database: Database) -> int:
    async with database.pool.acquire() as connection:
        return await connection.fetchval("SELECT coalesce(max(used), 0) FROM receiver_slots")


async def test_ten_concurrent_reserves_never_go_over_the_pool(database: Database, roster: Roster):
    commands = [reserve_command(f"room-{n}", attendees=300) for n in range(10)]  # 315 receivers each

    await asyncio.gather(*(run(database, handlers.reserve, command, roster) for command in commands))

    answers = [(await published(database, command.booking_id))[0] for command in commands]
    winners = [body for subject, body in answers if subject == "interpreting.evt.reserved"]
    losers = [body["reason"] for subject, body in answers if subject == "interpreting.evt.rejected"]
    assert len(winners) == 2 and len(losers) == 8
    assert all(
        "not enough receivers" in reason and "need 315 receivers, 170 free" in reason for reason in losers
    )
    assert await most_used(database) == 630

    await run(database, handlers.release, ReleaseInterpreting(booking_id=uuid.UUID(winners[0]["booking_id"])))
    assert await most_used(database) == 315
    later = reserve_command("room-x", attendees=400)  # 420 needed, 485 free now
    await run(database, handlers.reserve, later, roster)
    assert (await published(database, later.booking_id))[0][0] == "interpreting.evt.reserved"


async def test_concurrent_holds_on_the_table_alone_fill_the_pool_exactly(database: Database, roster: Roster):
    plan = plan_for("room-a", START, START + timedelta(hours=1), "en", ["zh", "ja"], 95, roster.load_time)
    keys = [PlanKey(uuid.uuid4(), 0) for _ in range(10)]
    async with database.transaction() as unit:
        for key in keys:
            await repository.insert_held(unit.connection, key, plan)

    async def hold(key: PlanKey) -> object:
        async with database.transaction() as unit:
            return await receivers.hold(unit.connection, key, 300, 800, plan.load_in_at, plan.load_out_at)

    shortages = await asyncio.gather(*(hold(key) for key in keys))

    assert sum(shortage is None for shortage in shortages) == 2
    assert await most_used(database) == 600


async def test_other_times_do_not_compete(database: Database, roster: Roster):
    first, second = reserve_command("room-a", 700), reserve_command("room-b", 700, shift=3)
    for command in (first, second):
        await run(database, handlers.reserve, command, roster)
        assert (await published(database, command.booking_id))[0][0] == "interpreting.evt.reserved"
