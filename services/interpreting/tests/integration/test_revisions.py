"""Plan revisions against the real database: n+1 beside n, confirm supersedes, release leaves n alone."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from services.interpreting import handlers
from services.interpreting.adapters import repository
from services.interpreting.domain.reasons import CANCELLED
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import task_id, task_message_id
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import ConfirmInterpreting, ReleaseInterpreting, ReserveInterpreting
from shared.db.unit_of_work import Database
from shared.participant.domain.plans import PlanKey
from shared.participant.domain.task_revisions import BOOKING_CANCELLED, BOOKING_CHANGED

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai
JA_ONLY = "yz-04"  # the one interpreter on the roster who works in en→ja


def reserve_command(
    booking_id: uuid.UUID,
    revision: int = 0,
    targets: tuple[str, ...] = ("zh",),
    shift: float = 0,
    hours: float = 0.5,
) -> ReserveInterpreting:
    starts_at = START + timedelta(hours=shift)
    return ReserveInterpreting(
        booking_id=booking_id,
        revision=revision,
        space_id="room-a",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        floor_language="en",
        target_languages=list(targets),
        attendees=40,
    )


async def rows(database: Database, booking_id: uuid.UUID) -> dict[int, tuple[str, list[str], list[str]]]:
    """revision -> (status, booths held, interpreters assigned)."""
    async with database.pool.acquire() as connection:
        found = await connection.fetch(
            "SELECT r.revision, r.status,"
            " ARRAY(SELECT booth_id FROM booth_holds h WHERE (h.booking_id, h.revision) = (r.booking_id, r.revision)"
            "  ORDER BY 1) AS booths,"
            " ARRAY(SELECT interpreter_id FROM assignments a WHERE (a.booking_id, a.revision) ="
            "  (r.booking_id, r.revision) ORDER BY 1) AS team"
            " FROM reservations r WHERE booking_id = $1 ORDER BY revision",
            booking_id,
        )
    return {row["revision"]: (row["status"], row["booths"], row["team"]) for row in found}


async def last(database: Database, booking_id: uuid.UUID, prefix: str = "interpreting.evt.") -> dict:
    return [body for subject, body in await published(database, booking_id) if subject.startswith(prefix)][-1]


async def task_messages(database: Database, booking_id: uuid.UUID) -> list[tuple[str, dict]]:
    return [(s, body) for s, body in await published(database, booking_id) if s.startswith("tasks.")]


async def test_revision_1_is_held_beside_revision_0_by_the_same_interpreter_and_another_booking_is_refused(
    database: Database, roster: Roster
):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0, ("ja",)), roster)
    change = reserve_command(booking, 1, ("ja",), shift=0.25)  # overlaps revision 0
    await run(database, handlers.reserve, change, roster)

    answer = await last(database, booking)
    assert (answer["revision"], answer["causation_id"]) == (1, str(change.message_id))
    assert [seat["interpreter_id"] for seat in answer["seats"]] == [JA_ONLY]
    assert await rows(database, booking) == {
        0: ("held", ["mobile-1"], [JA_ONLY]),
        1: ("held", ["mobile-1"], [JA_ONLY]),  # the same booth and interpreter, twice, for one booking
    }
    other = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(other, 0, ("ja",), shift=0.25), roster)
    refused = await last(database, other)
    assert (
        "no interpreter for en→ja" in refused["reason"]
        and "all 1 who work in en→ja are booked" in refused["reason"]
    )

    # the database itself refuses another booking the same interpreter or booth, whatever the code does
    plan_start, plan_end = START, START + timedelta(hours=1)
    async with database.transaction() as unit:
        key = PlanKey(other, 7)
        await repository.RESERVATIONS.record_outcome(unit.connection, key, "rejected", "probe")
        with pytest.raises(asyncpg.ExclusionViolationError):
            async with unit.connection.transaction():
                await repository.hold_booths(unit.connection, key, [("mobile-1", "ja")], plan_start, plan_end)
        await repository.hold_booths(unit.connection, key, [("mobile-6", "ja")], plan_start, plan_end)
        with pytest.raises(asyncpg.ExclusionViolationError):
            async with unit.connection.transaction():
                await repository.assign(
                    unit.connection, key, "mobile-6", [(JA_ONLY, "agency-yangtze")], plan_start, plan_end
                )


async def test_a_change_racing_other_bookings_for_the_last_interpreter_always_keeps_it(
    database: Database, roster: Roster
):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0, ("ja",)), roster)
    change = reserve_command(booking, 1, ("ja",), shift=0.5)
    rivals = [reserve_command(uuid.uuid4(), 0, ("ja",), shift=0.5) for _ in range(10)]

    await asyncio.gather(*(run(database, handlers.reserve, command, roster) for command in [change, *rivals]))

    assert (await last(database, booking))["seats"][0]["interpreter_id"] == JA_ONLY
    for rival in rivals:
        assert "no interpreter for en→ja" in (await last(database, rival.booking_id))["reason"]
    async with database.pool.acquire() as connection:
        holders = await connection.fetch(
            "SELECT DISTINCT booking_id FROM assignments WHERE interpreter_id = $1", JA_ONLY
        )
    assert [row["booking_id"] for row in holders] == [booking]


async def test_confirming_revision_1_releases_revision_0_and_tells_the_agencies(
    database: Database, roster: Roster
):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0, ("zh", "ja")), roster)
    first = ConfirmInterpreting(booking_id=booking)
    await run(database, handlers.confirm, first, roster)
    assigned = {body["vendor_id"]: body for _, body in await task_messages(database, booking)}
    assert set(assigned) == {"agency-yangtze", "agency-silkroad"}  # en→ja is yangtze's, en→zh silkroad's
    change = reserve_command(booking, 1, ("zh",), shift=0.25)  # drop Japanese, 15 minutes later
    await run(database, handlers.reserve, change, roster)
    confirm = ConfirmInterpreting(booking_id=booking, revision=1)

    await run(database, handlers.confirm, confirm, roster)

    assert await rows(database, booking) == {
        0: ("released", [], []),
        1: ("confirmed", ["mobile-1"], ["sr-01"]),  # the zh booth and interpreter kept
    }
    confirmed = await last(database, booking)
    assert (confirmed["revision"], confirmed["causation_id"]) == (1, str(confirm.message_id))
    messages = (await task_messages(database, booking))[2:]
    assert [subject for subject, _ in messages] == [
        "tasks.interpreting.agency-silkroad.changed",
        "tasks.interpreting.agency-yangtze.cancelled",
    ]
    changed, cancelled = messages[0][1], messages[1][1]
    assert changed["task_id"] == assigned["agency-silkroad"]["task_id"] == task_id(booking, "agency-silkroad")
    assert changed["changes"] == ["time"]
    assert changed["starts_at"] == "2027-03-02T06:15:00Z" and changed["causation_id"] == str(
        confirm.message_id
    )
    assert cancelled["task_id"] == assigned["agency-yangtze"]["task_id"]
    assert cancelled["reason"] == BOOKING_CHANGED
    other = uuid.uuid4()  # revision 0's Japanese interpreter is free again
    await run(database, handlers.reserve, reserve_command(other, 0, ("ja",)), roster)
    assert (await last(database, other))["seats"][0]["interpreter_id"] == JA_ONLY


async def test_releasing_revision_1_leaves_revision_0_exactly_as_it_was(database: Database, roster: Roster):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0, ("ja",)), roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking), roster)
    before = (await rows(database, booking))[0]
    await run(database, handlers.reserve, reserve_command(booking, 1, ("ja", "zh"), shift=0.25), roster)
    release = ReleaseInterpreting(booking_id=booking, revision=1, reason="catering rejected the change")

    await run(database, handlers.release, release)

    released = await last(database, booking)
    assert (released["revision"], released["causation_id"]) == (1, str(release.message_id))
    assert (await rows(database, booking))[0] == before == ("confirmed", ["mobile-1"], [JA_ONLY])
    assert (await rows(database, booking))[1] == ("released", [], [])
    assert [subject for subject, _ in await task_messages(database, booking)] == [
        "tasks.interpreting.agency-yangtze.assigned"  # nothing said to the agency about the dropped change
    ]
    other = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(other, 0, ("ja",)), roster)
    assert "no interpreter for en→ja" in (await last(database, other))["reason"]


async def test_a_release_before_its_reserve_tombstones_only_that_revision(database: Database, roster: Roster):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0), roster)
    await run(
        database, handlers.release, ReleaseInterpreting(booking_id=booking, revision=1, reason="deadline")
    )
    late = reserve_command(booking, 1, shift=1)

    await run(database, handlers.reserve, late, roster)

    events = [(s, b["revision"]) for s, b in await published(database, booking)]
    assert events == [
        ("interpreting.evt.reserved", 0),
        ("interpreting.evt.released", 1),
        ("interpreting.evt.rejected", 1),
    ]
    assert (await last(database, booking))["reason"] == CANCELLED
    state = await rows(database, booking)
    assert state[0][0] == "held" and len(state[0][2]) == 1
    assert state[1] == ("released", [], [])


async def test_a_redelivered_confirm_never_tells_an_agency_twice(database: Database, roster: Roster):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0, ("zh", "ja")), roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking), roster)
    await run(database, handlers.reserve, reserve_command(booking, 1, ("zh",), shift=1, hours=1), roster)
    confirm = ConfirmInterpreting(booking_id=booking, revision=1)
    again = ConfirmInterpreting(booking_id=booking, revision=1)  # the saga asks again: a new message id

    assert await run(database, handlers.confirm, confirm, roster)
    assert await run(database, handlers.confirm, again, roster)
    assert not await run(database, handlers.confirm, confirm, roster)  # exact redelivery: the inbox drops it
    await run(
        database, handlers.confirm, ConfirmInterpreting(booking_id=booking), roster
    )  # stale: revision 0

    subjects = [subject for subject, _ in await published(database, booking)]
    assert subjects.count("interpreting.evt.confirmed") == 3
    messages = await task_messages(database, booking)
    assert len(messages) == len({body["message_id"] for _, body in messages}) == 4  # 2 assigned, 2 after
    changed = next(body for subject, body in messages if subject.endswith(".changed"))
    assert changed["message_id"] == str(task_message_id(changed["task_id"], 1, "changed"))
    assert changed["changes"] == ["time", "team"]  # 1 h: a team of two in the zh booth
    assert (await rows(database, booking))[1][0] == "confirmed"


async def test_releasing_the_confirmed_revision_cancels_its_tasks_once(database: Database, roster: Roster):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 0, ("zh", "ja")), roster)
    await run(database, handlers.reserve, reserve_command(booking, 1, ("zh", "ja"), shift=0.25), roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking, revision=1), roster)
    cancel = ReleaseInterpreting(booking_id=booking, revision=1, reason="organizer cancelled")

    await run(database, handlers.release, cancel)
    await run(database, handlers.release, ReleaseInterpreting(booking_id=booking, revision=1))

    messages = await task_messages(database, booking)
    assert sorted(subject for subject, _ in messages) == [
        "tasks.interpreting.agency-silkroad.assigned",
        "tasks.interpreting.agency-silkroad.cancelled",
        "tasks.interpreting.agency-yangtze.assigned",
        "tasks.interpreting.agency-yangtze.cancelled",
    ]
    for subject, body in messages:
        if subject.endswith(".cancelled"):
            assert (body["reason"], body["causation_id"]) == (BOOKING_CANCELLED, str(cancel.message_id))
    assert await rows(database, booking) == {0: ("released", [], []), 1: ("released", [], [])}
    async with database.pool.acquire() as connection:
        statuses = await connection.fetch("SELECT status FROM vendor_tasks WHERE booking_id = $1", booking)
    assert [row["status"] for row in statuses] == ["cancelled", "cancelled"]


async def test_a_reserve_older_than_the_confirmed_revision_holds_nothing(database: Database, roster: Roster):
    booking = uuid.uuid4()
    await run(database, handlers.reserve, reserve_command(booking, 2), roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking, revision=2), roster)

    await run(database, handlers.reserve, reserve_command(booking, 1, shift=2), roster)

    rejected = await last(database, booking)
    assert rejected["revision"] == 1
    assert rejected["reason"] == "plan revision 1 is older than the confirmed revision 2; nothing is held"
    assert (await rows(database, booking))[1] == ("rejected", [], [])
