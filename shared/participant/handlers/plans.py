"""The saga's commands as every participant takes them: reserve (its common part), confirm and release.

Every command of one booking (whatever its revision) runs under the booking's lock, since a confirm
touches the booking's other revisions; and every command gets an answer carrying its revision, also when
repeated or late: the saga may be waiting for it. What differs per service (what a revision holds, what
its vendors are told) the service passes in: its ``Vendors`` and how it gives a revision back.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import asyncpg

from shared.contracts.base import Message, PlanMessage
from shared.db.unit_of_work import UnitOfWork
from shared.participant.adapters.plans import PlanTable
from shared.participant.adapters.vendor_tasks import lock_booking
from shared.participant.domain.outcomes import News
from shared.participant.domain.plans import HOLDING, PlanKey, Revisions, Row, SagaAnswers, log_fields
from shared.participant.domain.task_kind import TaskKind
from shared.participant.handlers.task_news import publish, record_cancel
from shared.participant.handlers.vendors import Vendors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Participant:
    """A participant as the kernel sees it: its name, its plan table and how it answers the saga."""

    name: str
    plans: PlanTable
    answers: SagaAnswers


# frees what a held or confirmed revision holds and marks it released, for a reason (or keeps its reason)
GiveBack = Callable[[asyncpg.Connection, Row, str | None], Awaitable[None]]


async def open_booking(unit: UnitOfWork, participant: Participant, booking_id: uuid.UUID) -> Revisions:
    """Take the booking's lock (the one every command and answer takes first), then read its revisions."""
    await lock_booking(unit.connection, booking_id)
    return await participant.plans.revisions(unit.connection, booking_id)


async def reserve_once(
    unit: UnitOfWork,
    participant: Participant,
    command: PlanMessage,
    reserved_again: Callable[[Row], Awaitable[Message]],
) -> Revisions | None:
    """The booking's revisions, locked; or None if ``command``'s revision was answered already (repeated,
    or after its release): then it gets the same answer again, held (``reserved_again``) or not."""
    known = await open_booking(unit, participant, command.booking_id)
    existing = known.get(command.revision)
    if existing is None:
        return known
    unit.publish(participant.answers.again(command, existing) or await reserved_again(existing))
    fields = {**log_fields(PlanKey(command.booking_id, command.revision)), "status": existing["status"]}
    log.info("late or repeated reserve answered", extra={"fields": fields})
    return None


async def confirm(
    unit: UnitOfWork,
    participant: Participant,
    command: PlanMessage,
    vendors: Vendors,
    give_back: GiveBack,
) -> None:
    """Make the revision firm, release the booking's older revisions and tell each vendor what is new to it."""
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
    known = await open_booking(unit, participant, key.booking_id)
    plan, confirmed = known.get(key.revision), known.confirmed
    if plan is None or plan["status"] not in HOLDING or (confirmed or 0) > key.revision:
        # the saga confirms only what was reserved, and never an older plan: nothing it could act on
        status = plan["status"] if plan is not None else None
        log.warning(
            "confirm for a revision that holds nothing or is superseded",
            extra={"fields": {**log_fields(key), "status": status, "confirmed_revision": confirmed}},
        )
        return
    if plan["status"] == "held":
        await participant.plans.set_status(connection, key, "confirmed")
    news = await vendors.tell(connection, key, known, command.message_id)
    for older in known.older_holding(key.revision):
        await give_back(connection, older, f"superseded by revision {key.revision}")
    publish(unit, news)
    unit.publish(participant.answers.confirming(command))
    log.info(
        f"{participant.name} confirmed", extra={"fields": {**log_fields(key), "task_messages": news.told}}
    )


async def release(
    unit: UnitOfWork,
    participant: Participant,
    command: PlanMessage,
    reason: str,
    give_back: GiveBack,
    kind: TaskKind,
) -> None:
    """Free the revision for ``reason`` (cancelling its vendors' tasks if it was firm); a tombstone if it
    comes before its reserve, which is then refused. Always answered."""
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
    plan = (await open_booking(unit, participant, key.booking_id)).get(key.revision)
    news = News()
    if plan is None:
        await participant.plans.record_outcome(
            connection, key, "released", reason or participant.answers.released_early
        )
    elif plan["status"] in HOLDING:
        if plan["status"] == "confirmed":
            news = await record_cancel(connection, key.booking_id, key.revision, command.message_id, kind)
        await give_back(connection, plan, reason or None)
    unit.publish(participant.answers.releasing(command))
    publish(unit, news)
    log.info(
        f"{participant.name} released",
        extra={"fields": {**log_fields(key), "tombstone": plan is None, "tasks_cancelled": news.told}},
    )
