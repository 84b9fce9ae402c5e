"""Plan revisions against a real PostgreSQL: n+1 beside n, confirm gives n's covers back, release leaves n."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.catering import handlers
from services.catering.domain.menus import MenuBook, load_menus
from services.catering.domain.tasks import task_id, task_message_id
from services.catering.tests.integration.conftest import published
from shared.contracts import ConfirmCatering, Message, ReleaseCatering, ReserveCatering
from shared.db.unit_of_work import Database
from shared.participant.domain.task_revisions import BOOKING_CANCELLED, BOOKING_CHANGED

pytestmark = pytest.mark.integration

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=SHANGHAI)
LUNCH = datetime(2027, 3, 2, 11, 0, tzinfo=SHANGHAI)
KITCHEN = "caterer-cuntan-kitchen"


def with_tea_house(book: MenuBook) -> MenuBook:
    """The menus, but tea breaks come from another caterer."""
    menus = [
        msgspec.structs.replace(menu, vendor_id="caterer-tea-house") if menu.id == "tea-break" else menu
        for menu in book.menus
    ]
    return msgspec.structs.replace(book, menus=menus)


BOOK = with_tea_house(load_menus())


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
    }
    return ReserveCatering(**{**fields, **changes})


async def run(database: Database, command: Message) -> bool:
    """Handle ``command`` as the consumer does: inbox claim first, then the handler, in one transaction."""
    async with database.transaction() as unit:
        if not await unit.claim("catering-commands", command.message_id):
            return False
        if isinstance(command, ReserveCatering):
            await handlers.reserve(command, unit, BOOK, NOW)
        elif isinstance(command, ConfirmCatering):
            await handlers.confirm(command, unit, BOOK)
        else:
            assert isinstance(command, ReleaseCatering)
            await handlers.release(command, unit)
    return True


async def covers(database: Database, day: datetime = LUNCH, period: str = "lunch") -> int | None:
    return await database.pool.fetchval(
        "SELECT covers_reserved FROM kitchen_load WHERE day = $1 AND meal_period = $2", day.date(), period
    )


async def statuses(database: Database, booking_id: uuid.UUID) -> dict[int, str]:
    rows = await database.pool.fetch(
        "SELECT revision, status FROM catering_orders WHERE booking_id = $1 ORDER BY revision", booking_id
    )
    return {row["revision"]: row["status"] for row in rows}


async def tasks(database: Database, booking_id: uuid.UUID) -> list[tuple[str, dict]]:
    return [(s, body) for s, body in await published(database, booking_id) if s.startswith("tasks.")]


async def confirmed_booking(database: Database) -> uuid.UUID:
    booking = uuid.uuid4()
    await run(database, reserve_command(booking))
    await run(database, ConfirmCatering(booking_id=booking))
    return booking


async def test_revision_1_takes_its_own_covers_beside_revision_0(database: Database) -> None:
    booking = await confirmed_booking(database)
    change = reserve_command(booking, 1, headcount=150)

    await run(database, change)

    _, reserved = (await published(database, booking))[-1]
    assert (reserved["revision"], reserved["covers"], reserved["causation_id"]) == (
        1,
        150,
        str(change.message_id),
    )
    assert await covers(database) == 120 + 150  # counted twice while the change is in flight
    assert await statuses(database, booking) == {0: "confirmed", 1: "held"}


async def test_confirming_revision_1_gives_back_revision_0_and_tells_the_caterer_what_changed(
    database: Database,
) -> None:
    booking = await confirmed_booking(database)
    await run(database, reserve_command(booking, 1, headcount=150))
    confirm = ConfirmCatering(booking_id=booking, revision=1)

    await run(database, confirm)

    assert await covers(database) == 150
    assert await statuses(database, booking) == {0: "released", 1: "confirmed"}
    (assigned_subject, assigned), (subject, changed) = await tasks(database, booking)
    assert (assigned_subject, subject) == (
        f"tasks.catering.{KITCHEN}.assigned",
        f"tasks.catering.{KITCHEN}.changed",
    )
    assert changed["task_id"] == assigned["task_id"] == task_id(booking, KITCHEN)
    assert changed["changes"] == ["headcount", "staff"]
    assert (changed["details"]["headcount"], changed["details"]["servers"]) == (150, 6)
    assert changed["causation_id"] == str(confirm.message_id)
    _, answer = (await published(database, booking))[-1]
    assert (answer["revision"], answer["causation_id"]) == (1, str(confirm.message_id))


async def test_a_new_menu_from_another_caterer_cancels_the_first_caterers_task(database: Database) -> None:
    booking = await confirmed_booking(database)
    await run(database, reserve_command(booking, 1, menu="tea-break", headcount=80))

    await run(database, ConfirmCatering(booking_id=booking, revision=1))

    subjects = [(subject, body.get("reason")) for subject, body in await tasks(database, booking)]
    assert subjects == [
        (f"tasks.catering.{KITCHEN}.assigned", None),
        ("tasks.catering.caterer-tea-house.assigned", None),
        (f"tasks.catering.{KITCHEN}.cancelled", BOOKING_CHANGED),
    ]
    assert await covers(database) == 80


async def test_releasing_revision_1_leaves_revision_0_exactly_as_it_was(database: Database) -> None:
    booking = await confirmed_booking(database)
    await run(database, reserve_command(booking, 1, headcount=200, serve_at=LUNCH + timedelta(minutes=30)))
    release = ReleaseCatering(booking_id=booking, revision=1, reason="interpreting rejected the change")

    await run(database, release)

    _, released = (await published(database, booking))[-1]
    assert (released["revision"], released["causation_id"]) == (1, str(release.message_id))
    assert await covers(database) == 120
    assert await statuses(database, booking) == {0: "confirmed", 1: "released"}
    assert [subject for subject, _ in await tasks(database, booking)] == [
        f"tasks.catering.{KITCHEN}.assigned"
    ]


async def test_a_change_that_fits_only_once_revision_0_is_given_back_is_refused_and_changes_nothing(
    database: Database,
) -> None:
    lunch = msgspec.structs.replace(BOOK.kitchen.meal_periods[1], covers=200)
    periods = [lunch if period.name == "lunch" else period for period in BOOK.kitchen.meal_periods]
    small = msgspec.structs.replace(BOOK, kitchen=msgspec.structs.replace(BOOK.kitchen, meal_periods=periods))
    booking = uuid.uuid4()
    async with database.transaction() as unit:
        await handlers.reserve(reserve_command(booking), unit, small, NOW)
        await handlers.reserve(reserve_command(booking, 1, headcount=100), unit, small, NOW)

    subject, body = (await published(database, booking))[-1]
    assert (subject, body["revision"]) == ("catering.evt.rejected", 1)
    assert body["reason"].startswith("the kitchen has 80 of 200 covers left for lunch")
    assert await covers(database) == 120
    assert await statuses(database, booking) == {0: "held", 1: "rejected"}


async def test_a_release_before_its_reserve_tombstones_only_that_revision(database: Database) -> None:
    booking = await confirmed_booking(database)
    await run(database, ReleaseCatering(booking_id=booking, revision=1, reason="saga gave up"))
    await run(database, reserve_command(booking, 1, headcount=60))

    events = [
        (s, body["revision"])
        for s, body in await published(database, booking)
        if s.startswith("catering.evt.")
    ]
    assert events[-2:] == [("catering.evt.released", 1), ("catering.evt.rejected", 1)]
    assert (await published(database, booking))[-1][1]["reason"] == handlers.ALREADY_RELEASED
    assert await covers(database) == 120
    assert await statuses(database, booking) == {0: "confirmed", 1: "released"}


async def test_a_redelivered_confirm_never_tells_the_caterer_twice(database: Database) -> None:
    booking = await confirmed_booking(database)
    await run(database, reserve_command(booking, 1, starts_at=LUNCH + timedelta(minutes=30)))
    confirm, again = (
        ConfirmCatering(booking_id=booking, revision=1),
        ConfirmCatering(booking_id=booking, revision=1),
    )

    assert await run(database, confirm)
    assert await run(database, again)  # a new message id: the inbox does not help
    assert not await run(database, confirm)  # exact redelivery: the inbox drops it
    await run(database, ConfirmCatering(booking_id=booking))  # stale: revision 0 is superseded

    messages = await tasks(database, booking)
    assert [subject.rsplit(".", 1)[1] for subject, _ in messages] == ["assigned", "changed"]
    changed = messages[1][1]
    assert changed["message_id"] == str(task_message_id(task_id(booking, KITCHEN), 1, "changed"))
    assert changed["changes"] == ["time"]  # the meal is still served at 12:00
    confirmed = [
        body["revision"]
        for subject, body in await published(database, booking)
        if subject.endswith("confirmed")
    ]
    assert confirmed == [0, 1, 1]
    assert await covers(database) == 120


async def test_releasing_the_confirmed_revision_cancels_the_task_once(database: Database) -> None:
    booking = await confirmed_booking(database)
    await run(database, reserve_command(booking, 1, headcount=90))
    await run(database, ConfirmCatering(booking_id=booking, revision=1))
    cancel = ReleaseCatering(booking_id=booking, revision=1, reason="organizer cancelled")

    await run(database, cancel)
    await run(database, ReleaseCatering(booking_id=booking, revision=1))

    messages = await tasks(database, booking)
    assert [subject.rsplit(".", 1)[1] for subject, _ in messages] == ["assigned", "changed", "cancelled"]
    cancelled = messages[-1][1]
    assert (cancelled["reason"], cancelled["causation_id"]) == (BOOKING_CANCELLED, str(cancel.message_id))
    assert await covers(database) == 0
    assert await statuses(database, booking) == {0: "released", 1: "released"}
    assert (
        await database.pool.fetchval("SELECT status FROM vendor_tasks WHERE booking_id = $1", booking)
        == "cancelled"
    )


async def test_moving_the_meal_to_another_day_moves_the_covers(database: Database) -> None:
    booking = await confirmed_booking(database)
    next_day = LUNCH + timedelta(days=1)
    await run(
        database,
        reserve_command(
            booking,
            1,
            starts_at=next_day,
            ends_at=next_day + timedelta(hours=3),
            serve_at=next_day + timedelta(hours=1),
        ),
    )
    assert (await covers(database), await covers(database, next_day)) == (120, 120)

    await run(database, ConfirmCatering(booking_id=booking, revision=1))

    assert (await covers(database), await covers(database, next_day)) == (0, 120)
    _, changed = (await tasks(database, booking))[-1]
    assert changed["changes"] == ["time", "serving_time"]
