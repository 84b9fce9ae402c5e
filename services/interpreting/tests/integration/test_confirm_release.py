"""Confirm and release against the real database: vendor tasks once per agency, freeing, tombstones."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting import handlers
from services.interpreting.domain.reasons import CANCELLED
from services.interpreting.domain.roster import Roster
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import ConfirmInterpreting, ReleaseInterpreting, ReserveInterpreting
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)


def reserve_command(
    booking_id: uuid.UUID | None = None, targets: tuple[str, ...] = ("zh",)
) -> ReserveInterpreting:
    return ReserveInterpreting(
        booking_id=booking_id or uuid.uuid4(),
        space_id="room-a",
        starts_at=START,
        ends_at=START + timedelta(hours=4),
        floor_language="en",
        target_languages=list(targets),
        attendees=90,
    )


async def holdings(database: Database, booking_id: uuid.UUID | None = None) -> tuple[int, int, str | None]:
    async with database.pool.acquire() as connection:
        where = "" if booking_id is None else " WHERE booking_id = $1"
        args = () if booking_id is None else (booking_id,)
        booths = await connection.fetchval(f"SELECT count(*) FROM booth_holds{where}", *args)
        seats = await connection.fetchval(f"SELECT count(*) FROM assignments{where}", *args)
        status = None
        if booking_id is not None:
            status = await connection.fetchval(
                "SELECT status FROM reservations WHERE booking_id = $1", booking_id
            )
    return booths, seats, status


async def test_confirm_hands_each_agency_one_task_even_when_handled_twice(database: Database, roster: Roster):
    reserve = reserve_command(targets=("zh", "fr"))
    await run(database, handlers.reserve, reserve, roster)
    [(_, reserved)] = await published(database, reserve.booking_id)
    vendors = {seat["vendor_id"] for seat in reserved["seats"]}
    assert vendors == {"agency-yangtze", "agency-silkroad"}  # bilinguals of both agencies come first

    first, second = (ConfirmInterpreting(booking_id=reserve.booking_id) for _ in range(2))
    assert await run(database, handlers.confirm, first, roster)
    assert await run(database, handlers.confirm, second, roster)  # a new message id: the inbox does not help
    assert not await run(database, handlers.confirm, first, roster)  # exact redelivery: the inbox drops it

    messages = await published(database, reserve.booking_id)
    confirmed = [body for subject, body in messages if subject == "interpreting.evt.confirmed"]
    tasks = [(subject, body) for subject, body in messages if subject.startswith("tasks.")]
    assert len(confirmed) == 2
    assert sorted(subject for subject, _ in tasks) == [
        "tasks.interpreting.agency-silkroad.assigned",
        "tasks.interpreting.agency-yangtze.assigned",
    ]
    for subject, task in tasks:
        own = [seat for seat in reserved["seats"] if seat["vendor_id"] == task["vendor_id"]]
        assert subject == f"tasks.interpreting.{task['vendor_id']}.assigned"
        assert task["causation_id"] == str(first.message_id)
        assert sorted(task["details"]["interpreters"]) == sorted(seat["interpreter_id"] for seat in own)
        assert sorted(task["details"]["booths"]) == sorted({seat["booth"] for seat in own})
        assert task["load_in_at"] == "2027-03-02T05:30:00Z" and task["load_out_at"] == "2027-03-02T10:30:00Z"
    assert (await holdings(database, reserve.booking_id))[2] == "confirmed"


async def test_release_frees_booths_and_interpreters_for_the_next_booking(database: Database, roster: Roster):
    reserve = reserve_command()
    await run(database, handlers.reserve, reserve, roster)
    [(_, reserved)] = await published(database, reserve.booking_id)
    release = ReleaseInterpreting(booking_id=reserve.booking_id, reason="catering rejected")

    await run(database, handlers.release, release)

    subjects = [subject for subject, _ in await published(database, reserve.booking_id)]
    assert subjects == ["interpreting.evt.reserved", "interpreting.evt.released"]
    assert await holdings(database, reserve.booking_id) == (0, 0, "released")
    again = reserve_command()
    await run(database, handlers.reserve, again, roster)
    [(_, next_one)] = await published(database, again.booking_id)
    assert (next_one["booths"], [s["interpreter_id"] for s in next_one["seats"]]) == (
        reserved["booths"],
        [s["interpreter_id"] for s in reserved["seats"]],
    )


async def test_a_second_release_changes_nothing_but_still_answers(database: Database, roster: Roster):
    reserve = reserve_command()
    await run(database, handlers.reserve, reserve, roster)
    for _ in range(2):
        await run(database, handlers.release, ReleaseInterpreting(booking_id=reserve.booking_id))

    subjects = [subject for subject, _ in await published(database, reserve.booking_id)]
    assert subjects == ["interpreting.evt.reserved", "interpreting.evt.released", "interpreting.evt.released"]
    assert await holdings(database, reserve.booking_id) == (0, 0, "released")


async def test_a_release_before_the_reserve_leaves_a_tombstone_that_refuses_it(
    database: Database, roster: Roster
):
    booking_id = uuid.uuid4()
    await run(
        database, handlers.release, ReleaseInterpreting(booking_id=booking_id, reason="deadline passed")
    )
    late = reserve_command(booking_id)

    await run(database, handlers.reserve, late, roster)

    messages = await published(database, booking_id)
    assert [subject for subject, _ in messages] == ["interpreting.evt.released", "interpreting.evt.rejected"]
    assert messages[1][1]["reason"] == CANCELLED
    assert messages[1][1]["causation_id"] == str(late.message_id)
    assert await holdings(database) == (0, 0, None)
    assert (await holdings(database, booking_id))[2] == "released"


async def test_a_confirm_for_a_released_booking_sends_no_task(database: Database, roster: Roster):
    reserve = reserve_command()
    await run(database, handlers.reserve, reserve, roster)
    await run(database, handlers.release, ReleaseInterpreting(booking_id=reserve.booking_id))

    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=reserve.booking_id), roster)

    subjects = [subject for subject, _ in await published(database, reserve.booking_id)]
    assert subjects == ["interpreting.evt.reserved", "interpreting.evt.released"]
    async with database.pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM vendor_tasks") == 0
