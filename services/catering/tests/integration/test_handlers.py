"""The catering use cases against a real PostgreSQL: holds, refusals, releases, tombstones and tasks."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.catering import handlers
from services.catering.domain.menus import MenuBook, load_menus
from services.catering.tests.integration.conftest import published
from shared.contracts import ConfirmCatering, ReleaseCatering, ReserveCatering
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration

SHANGHAI = ZoneInfo("Asia/Shanghai")
BOOK = load_menus()
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=SHANGHAI)
LUNCH = datetime(2027, 3, 2, 11, 0, tzinfo=SHANGHAI)


def reserve_command(booking_id: uuid.UUID | None = None, **changes: object) -> ReserveCatering:
    fields: dict = {
        "booking_id": booking_id or uuid.uuid4(),
        "space_id": "multifunctional-hall",
        "starts_at": LUNCH,
        "ends_at": LUNCH + timedelta(hours=3),
        "menu": "western-buffet",
        "headcount": 120,
        "serve_at": LUNCH + timedelta(hours=1),
    }
    return ReserveCatering(**{**fields, **changes})


async def reserve(
    database: Database, command: ReserveCatering, book: MenuBook = BOOK, now: datetime = NOW
) -> None:
    async with database.transaction() as unit:
        await handlers.reserve(command, unit, book, now)


async def confirm(database: Database, booking_id: uuid.UUID) -> None:
    async with database.transaction() as unit:
        await handlers.confirm(ConfirmCatering(booking_id=booking_id), unit, BOOK)


async def release(database: Database, booking_id: uuid.UUID) -> None:
    async with database.transaction() as unit:
        await handlers.release(ReleaseCatering(booking_id=booking_id, reason="saga compensates"), unit)


async def covers_reserved(database: Database) -> int | None:
    return await database.pool.fetchval(
        "SELECT covers_reserved FROM kitchen_load WHERE day = $1 AND meal_period = 'lunch'", LUNCH.date()
    )


async def status(database: Database, booking_id: uuid.UUID) -> str | None:
    return await database.pool.fetchval(
        "SELECT status FROM catering_orders WHERE booking_id = $1", booking_id
    )


async def test_reserve_holds_covers_and_answers_with_period_covers_and_price(database: Database) -> None:
    command = reserve_command()
    await reserve(database, command)
    [(subject, body)] = await published(database, command.booking_id)
    assert subject == "catering.evt.reserved"
    assert body["causation_id"] == str(command.message_id)
    assert (body["meal_period"], body["covers"], body["price_minor"], body["currency"]) == (
        "lunch",
        120,
        120 * 18800,
        "CNY",
    )
    assert await covers_reserved(database) == 120
    assert await status(database, command.booking_id) == "held"


async def test_a_repeated_reserve_answers_again_without_holding_twice(database: Database) -> None:
    command = reserve_command()
    await reserve(database, command)
    await reserve(database, msgspec.structs.replace(command, message_id=uuid.uuid4()))
    assert [subject for subject, _ in await published(database, command.booking_id)] == [
        "catering.evt.reserved"
    ] * 2
    assert await covers_reserved(database) == 120


async def test_reserve_inside_the_lead_time_is_rejected_and_holds_nothing(database: Database) -> None:
    command = reserve_command()
    await reserve(database, command, now=LUNCH + timedelta(hours=1) - timedelta(hours=20))
    [(subject, body)] = await published(database, command.booking_id)
    assert subject == "catering.evt.rejected"
    assert body["reason"] == (
        "western-buffet needs 72 h notice: the meal is served 2027-03-02 12:00 (Asia/Shanghai), 20 h from now; "
        "book without catering or choose a serving time at or after 2027-03-04 16:00"
    )
    assert await covers_reserved(database) is None
    assert await status(database, command.booking_id) == "rejected"


async def test_concurrent_reservations_for_the_last_covers_never_overbook(database: Database) -> None:
    lunch = msgspec.structs.replace(BOOK.kitchen.meal_periods[1], covers=100)
    periods = [lunch if period.name == "lunch" else period for period in BOOK.kitchen.meal_periods]
    small = msgspec.structs.replace(BOOK, kitchen=msgspec.structs.replace(BOOK.kitchen, meal_periods=periods))
    commands = [reserve_command(headcount=30) for _ in range(20)]
    await asyncio.gather(*(reserve(database, command, small) for command in commands))

    answers = [(await published(database, command.booking_id))[0] for command in commands]
    won = [body for subject, body in answers if subject == "catering.evt.reserved"]
    lost = [body for subject, body in answers if subject == "catering.evt.rejected"]
    assert (len(won), len(lost)) == (3, 17)
    assert all(body["reason"].startswith("the kitchen has ") for body in lost)
    assert all("of 100 covers left for lunch on 2027-03-02" in body["reason"] for body in lost)
    assert await covers_reserved(database) == 90
    row = await database.pool.fetchrow("SELECT covers_reserved, capacity FROM kitchen_load")
    assert row["covers_reserved"] <= row["capacity"] == 100
    held = await database.pool.fetchval("SELECT count(*) FROM catering_orders WHERE status = 'held'")
    assert held == 3


async def test_release_gives_the_covers_back_and_a_second_release_still_answers(database: Database) -> None:
    command = reserve_command()
    await reserve(database, command)
    await release(database, command.booking_id)
    await release(database, command.booking_id)
    subjects = [subject for subject, _ in await published(database, command.booking_id)]
    assert subjects == ["catering.evt.reserved", "catering.evt.released", "catering.evt.released"]
    assert await covers_reserved(database) == 0
    assert await status(database, command.booking_id) == "released"


async def test_release_before_reserve_leaves_a_tombstone_that_refuses_the_late_reserve(
    database: Database,
) -> None:
    command = reserve_command()
    await release(database, command.booking_id)
    await reserve(database, command)
    [(first, _), (second, body)] = await published(database, command.booking_id)
    assert (first, second) == ("catering.evt.released", "catering.evt.rejected")
    assert body["reason"] == handlers.ALREADY_RELEASED
    assert await covers_reserved(database) is None
    assert await status(database, command.booking_id) == "released"


async def test_confirm_twice_assigns_one_task_without_personal_data(database: Database) -> None:
    command = reserve_command()
    await reserve(database, command)
    await confirm(database, command.booking_id)
    await confirm(database, command.booking_id)
    messages = await published(database, command.booking_id)
    assert [subject for subject, _ in messages] == [
        "catering.evt.reserved",
        "tasks.catering.caterer-cuntan-kitchen.assigned",
        "catering.evt.confirmed",
        "catering.evt.confirmed",
    ]
    task = messages[1][1]
    assert task["task_id"] == f"catering-{command.booking_id}-caterer-cuntan-kitchen"
    assert task["details"]["headcount"] == 120 and task["details"]["servers"] == 5
    assert task["load_in_at"] == "2027-03-02T02:00:00Z"
    assert await database.pool.fetchval("SELECT count(*) FROM vendor_tasks") == 1
    assert await status(database, command.booking_id) == "confirmed"


async def test_confirm_without_a_held_order_changes_nothing(database: Database) -> None:
    booking_id = uuid.uuid4()
    await confirm(database, booking_id)
    assert await published(database, booking_id) == []
    assert await status(database, booking_id) is None
