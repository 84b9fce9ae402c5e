"""Caterers answer their tasks, against the real database: a decline or a missed deadline hands the order to
the next caterer serving the menu (same order, same kitchen covers), else staff are asked."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.catering import handlers
from services.catering.domain.menus import load_menus
from services.catering.domain.tasks import TASKS, task_id
from services.catering.tests.integration.conftest import published
from shared.contracts import ConfirmCatering, Message, ReleaseCatering, ReserveCatering, VendorTaskDeclined
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import Database
from shared.participant.handlers.deadlines import expire_one

pytestmark = pytest.mark.integration

SHANGHAI = ZoneInfo("Asia/Shanghai")
BOOK = load_menus()
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=SHANGHAI)
LUNCH = datetime(2027, 3, 2, 11, 0, tzinfo=SHANGHAI)
DINNER = datetime(2027, 3, 2, 18, 0, tzinfo=SHANGHAI)
CUNTAN, JIANGBEI = "caterer-cuntan-kitchen", "caterer-jiangbei-banquet"


def reserve_command(booking_id: uuid.UUID, revision: int = 0, **changes: object) -> ReserveCatering:
    fields: dict = {
        "booking_id": booking_id,
        "revision": revision,
        "space_id": "multifunctional-hall",
        "starts_at": LUNCH,
        "ends_at": LUNCH + timedelta(hours=3),
        "menu": "western-buffet",
        "headcount": 120,
        "serve_at": LUNCH + timedelta(hours=1),
        "dietary": {"vegetarian": 12},
    }
    return ReserveCatering(**{**fields, **changes})


async def run(database: Database, message: Message, consumer: str = "catering-commands") -> bool:
    """Handle ``message`` as its consumer does: inbox claim first, then the handler, in one transaction."""
    async with database.transaction() as unit:
        if not await unit.claim(consumer, message.message_id):
            return False
        if isinstance(message, ReserveCatering):
            await handlers.reserve(message, unit, BOOK, NOW)
        elif isinstance(message, ConfirmCatering):
            await handlers.confirm(message, unit, BOOK)
        elif isinstance(message, ReleaseCatering):
            await handlers.release(message, unit)
        else:
            assert isinstance(message, VendorTaskAnswer)
            await handlers.Caterers(BOOK).answer(unit, message)
    return True


async def answer(database: Database, message: VendorTaskAnswer) -> bool:
    return await run(database, message, "catering-task-answers")


async def confirmed(database: Database, **changes: object) -> uuid.UUID:
    booking = uuid.uuid4()
    await run(database, reserve_command(booking, **changes))
    await run(database, ConfirmCatering(booking_id=booking))
    return booking


async def told(database: Database, booking_id: uuid.UUID) -> list[tuple[str, dict[str, Any]]]:
    return [(s, body) for s, body in await published(database, booking_id) if s.startswith("tasks.")]


async def states(database: Database, booking_id: uuid.UUID) -> list[tuple[str, str, int]]:
    return [
        (body["vendor_id"], body["state"], body["version"])
        for s, body in await published(database, booking_id, with_states=True)
        if s == "catering.evt.task_state"
    ]


def decline(task: dict[str, Any]) -> VendorTaskDeclined:
    return VendorTaskDeclined(
        booking_id=uuid.UUID(task["booking_id"]),
        task_id=task["task_id"],
        kind="catering",
        vendor_id=task["vendor_id"],
        in_reply_to=uuid.UUID(task["message_id"]),
        reason="kitchen closed for works",
    )


async def covers(database: Database) -> int | None:
    return await database.pool.fetchval(
        "SELECT covers_reserved FROM kitchen_load WHERE day = $1 AND meal_period = 'lunch'", LUNCH.date()
    )


async def test_a_decline_goes_to_the_second_caterer_with_the_same_order_once(database: Database) -> None:
    booking = await confirmed(database)
    [(_, assigned)] = await told(database, booking)
    declined = decline(assigned)

    assert await answer(database, declined)
    assert not await answer(database, declined)  # redelivered: the inbox drops it
    assert await answer(
        database, msgspec.structs.replace(declined, message_id=uuid.uuid4())
    )  # declined already
    assert await run(
        database, ConfirmCatering(booking_id=booking)
    )  # a repeated confirm keeps the new caterer

    (first, _), (second, taken) = await told(database, booking)
    assert (first, second) == (f"tasks.catering.{CUNTAN}.assigned", f"tasks.catering.{JIANGBEI}.assigned")
    assert taken["task_id"] == task_id(booking, JIANGBEI)
    assert taken["details"] == assigned["details"]
    assert (taken["summary"], taken["load_in_at"]) == (assigned["summary"], assigned["load_in_at"])
    assert taken["causation_id"] == str(declined.message_id)
    assert await states(database, booking) == [
        (CUNTAN, "awaiting_answer", 1),
        (CUNTAN, "declined", 2),
        (JIANGBEI, "awaiting_answer", 1),
    ]
    assert await covers(database) == 120  # the kitchen's count did not move


async def test_a_menu_no_other_caterer_serves_is_escalated(database: Database) -> None:
    booking = await confirmed(
        database,
        menu="welcome-reception",
        starts_at=DINNER,
        ends_at=DINNER + timedelta(hours=2),
        serve_at=DINNER,
    )
    [(_, assigned)] = await told(database, booking)

    await answer(database, decline(assigned))

    (_, _), (subject, escalated) = await told(database, booking)
    assert subject == f"tasks.catering.{CUNTAN}.escalated"
    assert escalated["reason"] == (
        "no caterer for the Welcome reception (canapés and drinks) for 120 guests on 2027-03-02 18:00"
        " (Asia/Shanghai): every caterer serving it has declined"
    )
    assert escalated["title"] == assigned["summary"]
    assert await states(database, booking) == [(CUNTAN, "awaiting_answer", 1), (CUNTAN, "escalated", 2)]


async def test_a_missed_deadline_expires_the_task_and_the_second_caterer_takes_it(database: Database) -> None:
    booking = await confirmed(database)
    await database.pool.execute("UPDATE vendor_tasks SET answer_due = now() - interval '1 second'")

    assert await expire_one(database, TASKS, handlers.Caterers(BOOK).reassign)

    subjects = [(s, body.get("reason")) for s, body in await told(database, booking)]
    assert [s for s, _ in subjects] == [
        f"tasks.catering.{CUNTAN}.assigned",
        f"tasks.catering.{CUNTAN}.cancelled",
        f"tasks.catering.{JIANGBEI}.assigned",
    ]
    assert str(subjects[1][1]).endswith(": reassigned")
    assert [state for _, state, _ in await states(database, booking)] == [
        "awaiting_answer",
        "expired",
        "awaiting_answer",
    ]
    assert not await expire_one(database, TASKS, handlers.Caterers(BOOK).reassign)


async def test_a_change_stays_with_the_caterer_that_took_over(database: Database) -> None:
    booking = await confirmed(database)
    [(_, assigned)] = await told(database, booking)
    await answer(database, decline(assigned))
    await run(database, reserve_command(booking, 1, headcount=150))

    await run(database, ConfirmCatering(booking_id=booking, revision=1))

    assert [s for s, _ in await told(database, booking)] == [
        f"tasks.catering.{CUNTAN}.assigned",
        f"tasks.catering.{JIANGBEI}.assigned",
        f"tasks.catering.{JIANGBEI}.changed",
    ]


async def test_a_change_to_a_menu_only_the_declined_caterer_serves_is_escalated_once(
    database: Database,
) -> None:
    booking = await confirmed(database)
    [(_, assigned)] = await told(database, booking)
    await answer(database, decline(assigned))
    reception = {"menu": "welcome-reception", "starts_at": DINNER, "ends_at": DINNER + timedelta(hours=2)}
    await run(database, reserve_command(booking, 1, serve_at=DINNER, **reception))

    await run(database, ConfirmCatering(booking_id=booking, revision=1))
    await run(database, ConfirmCatering(booking_id=booking, revision=1))  # repeated: not escalated twice

    assert [s for s, _ in await told(database, booking)] == [
        f"tasks.catering.{CUNTAN}.assigned",
        f"tasks.catering.{JIANGBEI}.assigned",
        f"tasks.catering.{JIANGBEI}.cancelled",  # jiangbei does not serve receptions
        f"tasks.catering.{CUNTAN}.escalated",
    ]
    await run(database, ReleaseCatering(booking_id=booking, revision=1, reason="cancelled"))
    assert (await states(database, booking))[-1] == (CUNTAN, "cancelled", 4)
