"""Agencies answer their tasks, against the real database: accept, done, decline -> another agency takes
the seats or staff are asked, a missed deadline -> the same, stale and repeated answers change nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest

from services.interpreting import handlers
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.tasks import TASKS, task_id
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import (
    ConfirmInterpreting,
    ReleaseInterpreting,
    ReserveInterpreting,
    VendorTaskAccepted,
    VendorTaskDeclined,
    VendorTaskDone,
)
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.pool import TRANSIENT_ERRORS
from shared.db.unit_of_work import Database
from shared.participant.handlers.deadlines import expire_one

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai
YANGTZE, SILKROAD = "agency-yangtze", "agency-silkroad"
ANSWERS = "interpreting-task-answers"


def reserve_command(floor: str = "en", target: str = "zh", minutes: int = 180) -> ReserveInterpreting:
    return ReserveInterpreting(
        booking_id=uuid.uuid4(),
        space_id="room-a",
        starts_at=START,
        ends_at=START + timedelta(minutes=minutes),
        floor_language=floor,
        target_languages=[target],
        attendees=60,
    )


async def confirmed(database: Database, roster: Roster, reserve: ReserveInterpreting) -> uuid.UUID:
    await run(database, handlers.reserve, reserve, roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=reserve.booking_id), roster)
    return reserve.booking_id


async def answer(database: Database, message: VendorTaskAnswer, roster: Roster) -> bool:
    """Handle an agency's answer as the answers consumer does; False if the inbox had seen it."""
    for _ in range(20):
        try:
            async with database.transaction() as unit:
                if not await unit.claim(ANSWERS, message.message_id):
                    return False
                await handlers.Agencies(roster).answer(unit, message)
            return True
        except TRANSIENT_ERRORS:
            continue
    raise AssertionError("still failing")


async def last_sent(database: Database, booking_id: uuid.UUID, vendor_id: str) -> dict[str, Any]:
    """The last assigned or changed message an agency got about the booking (what it answers)."""
    return [
        body
        for subject, body in await published(database, booking_id)
        if subject.startswith(f"tasks.interpreting.{vendor_id}.")
        and subject.rsplit(".", 1)[1] in ("assigned", "changed")
    ][-1]


def decline(task: dict[str, Any], reason: str = "our team is ill") -> VendorTaskDeclined:
    return VendorTaskDeclined(
        booking_id=uuid.UUID(task["booking_id"]),
        task_id=task["task_id"],
        kind="interpreting",
        vendor_id=task["vendor_id"],
        in_reply_to=uuid.UUID(task["message_id"]),
        reason=reason,
    )


async def team(database: Database, booking_id: uuid.UUID) -> list[tuple[str, str]]:
    rows = await database.pool.fetch(
        "SELECT interpreter_id, vendor_id FROM assignments WHERE booking_id = $1 ORDER BY 1", booking_id
    )
    return [(row["interpreter_id"], row["vendor_id"]) for row in rows]


async def states(
    database: Database, booking_id: uuid.UUID, vendor: str | None = None
) -> list[tuple[str, str, int]]:
    """(vendor, state, version) of each task state event told to the venue, in order (one vendor's if given)."""
    return [
        (body["vendor_id"], body["state"], body["version"])
        for subject, body in await published(database, booking_id, with_states=True)
        if subject == "interpreting.evt.task_state" and vendor in (None, body["vendor_id"])
    ]


async def tasks_told(database: Database, booking_id: uuid.UUID) -> list[str]:
    return [subject for subject, _ in await published(database, booking_id) if subject.startswith("tasks.")]


async def test_a_decline_hands_the_seats_to_another_agency_once_whatever_is_repeated(
    database: Database, roster: Roster
):
    booking = await confirmed(database, roster, reserve_command("zh", "ja", minutes=30))
    assert await team(database, booking) == [("sr-04", SILKROAD)]  # yz-04 (at yangtze) also works zh→ja
    declined = decline(await last_sent(database, booking, SILKROAD))

    assert await answer(database, declined, roster)
    assert not await answer(database, declined, roster)  # redelivered: the inbox drops it
    again = msgspec.structs.replace(declined, message_id=uuid.uuid4())  # resent: the task is declined already
    assert await answer(database, again, roster)
    await run(
        database, handlers.confirm, ConfirmInterpreting(booking_id=booking), roster
    )  # a repeated confirm

    assert await team(database, booking) == [("yz-04", YANGTZE)]
    assert await tasks_told(database, booking) == [
        f"tasks.interpreting.{SILKROAD}.assigned",
        f"tasks.interpreting.{YANGTZE}.assigned",
    ]
    taken = await last_sent(database, booking, YANGTZE)
    assert taken["task_id"] == task_id(booking, YANGTZE)
    assert (taken["causation_id"], taken["details"]["interpreters"]) == (str(declined.message_id), ["yz-04"])
    assert await states(database, booking) == [
        (SILKROAD, "awaiting_answer", 1),
        (SILKROAD, "declined", 2),
        (YANGTZE, "awaiting_answer", 1),
    ]
    row = await database.pool.fetchrow("SELECT state_reason FROM vendor_tasks WHERE vendor_id = $1", SILKROAD)
    assert row["state_reason"] == "our team is ill"


async def test_an_agency_already_on_the_booking_takes_the_declined_seats_as_a_change(
    database: Database, roster: Roster
):
    booking = await confirmed(database, roster, reserve_command())
    assert await team(database, booking) == [("sr-01", SILKROAD), ("yz-01", YANGTZE)]

    await answer(database, decline(await last_sent(database, booking, YANGTZE)), roster)

    assert [vendor for _, vendor in await team(database, booking)] == [SILKROAD, SILKROAD]
    changed = await last_sent(database, booking, SILKROAD)
    assert changed["changes"] == ["team"] and len(changed["details"]["interpreters"]) == 2
    first = TASKS.message_id(task_id(booking, SILKROAD), 0, "changed")
    assert changed["message_id"] != str(first)  # not the id a confirm of revision 0 would give a change
    assert await states(database, booking, SILKROAD) == [
        (SILKROAD, "awaiting_answer", 1),
        (SILKROAD, "awaiting_answer", 2),
    ]
    assert await states(database, booking, YANGTZE) == [
        (YANGTZE, "awaiting_answer", 1),
        (YANGTZE, "declined", 2),
    ]


async def test_a_decline_nobody_else_can_cover_is_escalated_and_frees_the_interpreters(
    database: Database, roster: Roster
):
    booking = await confirmed(
        database, roster, reserve_command("ko", "zh", minutes=30)
    )  # only yz-05 works ko→zh
    assert await team(database, booking) == [("yz-05", YANGTZE)]

    await answer(database, decline(await last_sent(database, booking, YANGTZE)), roster)

    assert await team(database, booking) == []
    escalated = [body for s, body in await published(database, booking) if s.endswith(".escalated")]
    assert [e["vendor_id"] for e in escalated] == [YANGTZE]
    assert escalated[0]["reason"] == (
        "no interpreter for ko→zh on 2027-03-02 14:00–14:30 (Asia/Shanghai): 1 needed, 0 free at other agencies"
    )
    assert escalated[0]["title"].startswith("Simultaneous interpretation ko→zh")
    assert await states(database, booking) == [(YANGTZE, "awaiting_answer", 1), (YANGTZE, "escalated", 2)]

    await run(database, handlers.release, ReleaseInterpreting(booking_id=booking, reason="cancelled"))
    assert (await states(database, booking))[-1] == (YANGTZE, "cancelled", 3)  # the escalation is moot
    assert await tasks_told(database, booking) == [
        f"tasks.interpreting.{YANGTZE}.assigned",
        f"tasks.interpreting.{YANGTZE}.escalated",
    ]


async def test_a_missed_deadline_expires_the_task_and_hands_the_seats_over(
    database: Database, roster: Roster
):
    booking = await confirmed(database, roster, reserve_command("zh", "ja", minutes=30))
    await database.pool.execute("UPDATE vendor_tasks SET answer_due = now() - interval '1 second'")
    reassign = handlers.Agencies(roster).reassign

    assert await expire_one(database, TASKS, reassign)
    assert not await expire_one(database, TASKS, reassign)  # nothing else is due: yangtze has a day

    assert await team(database, booking) == [("yz-04", YANGTZE)]
    told = [(s, body) for s, body in await published(database, booking) if s.startswith("tasks.")]
    assert [s for s, _ in told] == [
        f"tasks.interpreting.{SILKROAD}.assigned",
        f"tasks.interpreting.{SILKROAD}.cancelled",
        f"tasks.interpreting.{YANGTZE}.assigned",
    ]
    assert told[1][1]["reason"].startswith("no answer by ") and told[1][1]["reason"].endswith(": reassigned")
    assert await states(database, booking) == [
        (SILKROAD, "awaiting_answer", 1),
        (SILKROAD, "expired", 2),
        (YANGTZE, "awaiting_answer", 1),
    ]
    late = decline(told[0][1])  # the silent agency answers after all: its task is closed
    assert await answer(database, late, roster)
    assert len(await states(database, booking)) == 3


async def test_a_change_never_hands_the_work_back_to_the_agency_that_declined(
    database: Database, roster: Roster
):
    reserve = reserve_command()
    booking = await confirmed(database, roster, reserve)
    await answer(database, decline(await last_sent(database, booking, YANGTZE)), roster)
    # five hours instead of three: a team of 3, one more seat than silkroad took over
    later = msgspec.structs.replace(
        reserve, message_id=uuid.uuid4(), revision=1, ends_at=START + timedelta(hours=5)
    )
    await run(database, handlers.reserve, later, roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking, revision=1), roster)

    assert await team(database, booking) == [("sr-01", SILKROAD), ("sr-02", SILKROAD), ("sr-03", SILKROAD)]
    assert await tasks_told(database, booking) == [
        f"tasks.interpreting.{SILKROAD}.assigned",
        f"tasks.interpreting.{YANGTZE}.assigned",
        f"tasks.interpreting.{SILKROAD}.changed",  # took over yangtze's seat
        f"tasks.interpreting.{SILKROAD}.changed",  # the longer meeting
    ]


async def test_accept_then_done_and_stale_or_foreign_answers_change_nothing(
    database: Database, roster: Roster
):
    booking = await confirmed(database, roster, reserve_command())
    task = await last_sent(database, booking, YANGTZE)
    fields = {"booking_id": booking, "task_id": task["task_id"], "kind": "interpreting"}
    current = uuid.UUID(task["message_id"])

    await answer(database, VendorTaskAccepted(**fields, vendor_id=YANGTZE, in_reply_to=uuid.uuid4()), roster)
    await answer(database, VendorTaskAccepted(**fields, vendor_id=SILKROAD, in_reply_to=current), roster)
    await answer(
        database, VendorTaskAccepted(**{**fields, "task_id": "no-such-task"}, vendor_id=YANGTZE), roster
    )
    assert len(await states(database, booking)) == 2  # each agency's task as it was assigned, nothing more

    await answer(database, VendorTaskAccepted(**fields, vendor_id=YANGTZE, in_reply_to=current), roster)
    await answer(database, VendorTaskAccepted(**fields, vendor_id=YANGTZE), roster)  # a repeat: no change
    await answer(database, VendorTaskDone(**fields, vendor_id=YANGTZE, in_reply_to=current), roster)

    assert await states(database, booking, YANGTZE) == [
        (YANGTZE, "awaiting_answer", 1),
        (YANGTZE, "accepted", 2),
        (YANGTZE, "done", 3),
    ]
    assert len(await states(database, booking)) == 4  # silkroad's task did not move
    assert len(await tasks_told(database, booking)) == 2


async def test_a_change_asks_an_agency_that_accepted_to_answer_again(database: Database, roster: Roster):
    reserve = reserve_command()
    booking = await confirmed(database, roster, reserve)
    task = await last_sent(database, booking, YANGTZE)
    accepted = VendorTaskAccepted(
        booking_id=booking,
        task_id=task["task_id"],
        kind="interpreting",
        vendor_id=YANGTZE,
        in_reply_to=uuid.UUID(task["message_id"]),
    )
    await answer(database, accepted, roster)
    later = msgspec.structs.replace(
        reserve,
        message_id=uuid.uuid4(),
        revision=1,
        starts_at=START + timedelta(hours=1),
        ends_at=START + timedelta(hours=4),
    )
    await run(database, handlers.reserve, later, roster)
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking, revision=1), roster)

    changed = await last_sent(database, booking, YANGTZE)
    assert changed["changes"] == ["time"]
    assert (await states(database, booking, YANGTZE))[-1] == (YANGTZE, "awaiting_answer", 3)
    stale = msgspec.structs.replace(accepted, message_id=uuid.uuid4())  # answers the replaced version
    await answer(database, stale, roster)
    assert (await states(database, booking, YANGTZE))[-1] == (YANGTZE, "awaiting_answer", 3)


async def test_a_change_reserved_before_a_decline_is_confirmed_without_the_agency_that_declined(
    database: Database, roster: Roster
):
    reserve = reserve_command()
    booking = await confirmed(database, roster, reserve)
    later = msgspec.structs.replace(
        reserve, message_id=uuid.uuid4(), revision=1, ends_at=START + timedelta(hours=5)
    )
    await run(
        database, handlers.reserve, later, roster
    )  # holds yangtze's interpreters too, as the team so far
    await answer(database, decline(await last_sent(database, booking, YANGTZE)), roster)

    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=booking, revision=1), roster)

    assert await team(database, booking) == [("sr-01", SILKROAD), ("sr-02", SILKROAD), ("sr-03", SILKROAD)]
    assert await tasks_told(database, booking) == [
        f"tasks.interpreting.{SILKROAD}.assigned",
        f"tasks.interpreting.{YANGTZE}.assigned",
        f"tasks.interpreting.{SILKROAD}.changed",
        f"tasks.interpreting.{SILKROAD}.changed",
    ]
    assert (await states(database, booking, YANGTZE))[-1] == (YANGTZE, "declined", 2)
