"""Use cases of catering: reserve kitchen covers for a plan revision, confirm it to the caterer, release it.

Every command locks its booking first (whatever the revision, since a confirm touches the booking's
other revisions), so they never interleave for one booking; each one answers the saga with its revision
(redelivered or repeated commands answer again without changing anything twice). A change's revision
takes its own covers beside the live revision's: the booking counts twice in the kitchen's load until
the confirm gives the older covers back (or the release gives back the change's).
"""

from __future__ import annotations

import logging
from datetime import datetime

import asyncpg

from services.catering import vendor_work
from services.catering.adapters import repository
from services.catering.adapters.revisions import HOLDING, revisions
from services.catering.domain.guarantee import DEFAULT_POLICY, GuaranteePolicy, after_guarantee
from services.catering.domain.menus import MenuBook
from services.catering.domain.orders import (
    OrderKey,
    OrderRequest,
    Plan,
    Refusal,
    kitchen_full_reason,
    plan_order,
    superseded_reason,
)
from services.catering.domain.tasks import TASKS
from shared.contracts import (
    CateringConfirmed,
    CateringRejected,
    CateringReleased,
    CateringReserved,
    ConfirmCatering,
    Message,
    ReleaseCatering,
    ReserveCatering,
)
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import UnitOfWork
from shared.vendor_tasks import answers
from shared.vendor_tasks.flow import News
from shared.vendor_tasks.kind import TaskKind

log = logging.getLogger(__name__)

ALREADY_RELEASED = "catering for this booking was already released; nothing is held"


async def reserve(
    command: ReserveCatering,
    unit: UnitOfWork,
    book: MenuBook,
    now: datetime,
    guarantee: GuaranteePolicy = DEFAULT_POLICY,
) -> None:
    """Hold kitchen covers for the revision's menu and headcount (beside the booking's others), or say why not."""
    connection, key = unit.connection, OrderKey(command.booking_id, command.revision)
    await repository.lock_booking(connection, key.booking_id)
    known = await revisions(connection, key.booking_id)
    existing = known.get(key.revision)
    if existing is not None:
        unit.publish(_answer_again(command, existing))
        return
    request = OrderRequest(
        command.menu,
        command.headcount,
        command.starts_at,
        command.ends_at,
        command.serve_at,
        dict(command.dietary),
        command.allergy_notes,
        command.layout,
    )
    if known.confirmed is not None and known.confirmed > key.revision:
        plan: Plan | Refusal = Refusal(superseded_reason(key.revision, known.confirmed))
    else:
        plan = plan_order(request, book, now)
    if not isinstance(plan, Refusal) and key.revision > 0:
        plan = after_guarantee(plan, known.guaranteed(key.revision), command.starts_at, now, guarantee)
    if not isinstance(plan, Refusal) and not await repository.take_covers(
        connection, plan.day, plan.meal_period, plan.covers, plan.capacity
    ):
        left, capacity = await repository.covers_left(connection, plan.day, plan.meal_period)
        plan = Refusal(kitchen_full_reason(left, capacity, plan.meal_period, plan.day))
    fields = {**_fields(key), "menu": command.menu, "headcount": command.headcount}
    if isinstance(plan, Refusal):
        await repository.insert_rejected(connection, key, command.space_id, request, plan.reason)
        unit.publish(_rejected(command, plan.reason))
        log.info("catering rejected", extra={"fields": {**fields, "reason": plan.reason}})
        return
    await repository.insert_held(connection, key, command.space_id, request, plan)
    reserved = CateringReserved(
        booking_id=key.booking_id,
        revision=key.revision,
        causation_id=command.message_id,
        meal_period=plan.meal_period,
        covers=plan.covers,
        price_minor=plan.price_minor,
        currency=plan.menu.currency,
    )
    unit.publish(reserved)
    log.info(
        "catering held", extra={"fields": {**fields, "meal_period": plan.meal_period, "day": str(plan.day)}}
    )


def _fields(key: OrderKey) -> dict[str, str | int]:
    return {"booking_id": str(key.booking_id), "revision": key.revision}


def _rejected(command: ReserveCatering, reason: str) -> CateringRejected:
    return CateringRejected(
        booking_id=command.booking_id,
        revision=command.revision,
        causation_id=command.message_id,
        reason=reason,
    )


def _answer_again(command: ReserveCatering, order: asyncpg.Record) -> Message:
    if order["status"] in HOLDING:
        return CateringReserved(
            booking_id=command.booking_id,
            revision=command.revision,
            causation_id=command.message_id,
            meal_period=order["meal_period"],
            covers=order["headcount"],
            price_minor=order["price_minor"],
            currency=order["currency"],
        )
    return _rejected(command, order["reason"] if order["status"] == "rejected" else ALREADY_RELEASED)


async def confirm(
    command: ConfirmCatering, unit: UnitOfWork, book: MenuBook, tasks: TaskKind = TASKS
) -> None:
    """Make the revision firm, give back the covers of the booking's older revisions, tell the caterer what is new."""
    connection, key = unit.connection, OrderKey(command.booking_id, command.revision)
    await repository.lock_booking(connection, key.booking_id)
    known = await revisions(connection, key.booking_id)
    order, confirmed = known.get(key.revision), known.confirmed
    if order is None or order["status"] not in HOLDING or (confirmed or 0) > key.revision:
        # the saga confirms only what was reserved, and never an older plan: nothing it could act on
        log.warning(
            "confirm without a held order or for a superseded revision",
            extra={
                "fields": {
                    **_fields(key),
                    "status": order and order["status"],
                    "confirmed_revision": confirmed,
                }
            },
        )
        return
    if order["status"] == "held":
        await repository.set_status(connection, key, "confirmed")
    news = await vendor_work.on_confirm(connection, key, known, book, command.message_id, tasks)
    for older in known.older_holding(key.revision):
        await repository.release(connection, older, f"superseded by revision {key.revision}")
    vendor_work.publish(unit, news)
    unit.publish(
        CateringConfirmed(booking_id=key.booking_id, revision=key.revision, causation_id=command.message_id)
    )
    log.info("catering confirmed", extra={"fields": {**_fields(key), "task_messages": news.told}})


async def release(command: ReleaseCatering, unit: UnitOfWork, tasks: TaskKind = TASKS) -> None:
    """Give the revision's covers back (cancelling the caterer's task if it was firm); tombstone if early."""
    connection, key = unit.connection, OrderKey(command.booking_id, command.revision)
    await repository.lock_booking(connection, key.booking_id)
    order = (await revisions(connection, key.booking_id)).get(key.revision)
    news = News()
    if order is None:
        await repository.insert_tombstone(connection, key, command.reason or "released before reserved")
        log.info("catering released before reserved: tombstone", extra={"fields": _fields(key)})
    elif order["status"] in HOLDING:
        if order["status"] == "confirmed":
            news = await vendor_work.on_cancel(connection, key, command.message_id, tasks)
        await repository.release(connection, order, command.reason or None)
        log.info("catering released", extra={"fields": {**_fields(key), "covers": order["headcount"]}})
    unit.publish(
        CateringReleased(booking_id=key.booking_id, revision=key.revision, causation_id=command.message_id)
    )
    vendor_work.publish(unit, news)


async def answer(answer: VendorTaskAnswer, unit: UnitOfWork, book: MenuBook, tasks: TaskKind = TASKS) -> None:
    """A caterer accepts, declines or reports done; a decline hands the order to the next caterer of the menu."""
    await answers.on_answer(unit, answer, tasks, vendor_work.reassigner(book))
