"""Use cases of catering: reserve kitchen covers, confirm an order to the caterer, release it.

Every command locks its booking first, so the three never interleave for one booking; each one
answers the saga (redelivered or repeated commands answer again without changing anything twice).
"""

from __future__ import annotations

import logging
from datetime import datetime

import asyncpg

from services.catering.adapters import repository
from services.catering.domain.menus import MenuBook
from services.catering.domain.orders import OrderRequest, Refusal, kitchen_full_reason, plan_order
from services.catering.domain.tasks import ConfirmedOrder, task_id, vendor_task
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
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

HOLDING = ("held", "confirmed")
ALREADY_RELEASED = "catering for this booking was already released; nothing is held"


async def reserve(command: ReserveCatering, unit: UnitOfWork, book: MenuBook, now: datetime) -> None:
    """Hold kitchen covers for the booking's menu and headcount, or say why not."""
    connection, booking_id = unit.connection, command.booking_id
    await repository.lock_booking(connection, booking_id)
    existing = await repository.order(connection, booking_id)
    if existing is not None:
        unit.publish(_answer_again(command, existing))
        return
    request = OrderRequest(
        command.menu, command.headcount, command.starts_at, command.ends_at, command.serve_at
    )
    plan = plan_order(request, book, now)
    if not isinstance(plan, Refusal) and not await repository.take_covers(
        connection, plan.day, plan.meal_period, plan.covers, plan.capacity
    ):
        left, capacity = await repository.covers_left(connection, plan.day, plan.meal_period)
        plan = Refusal(kitchen_full_reason(left, capacity, plan.meal_period, plan.day))
    fields = {"booking_id": str(booking_id), "menu": command.menu, "headcount": command.headcount}
    if isinstance(plan, Refusal):
        await repository.insert_rejected(connection, booking_id, command.space_id, request, plan.reason)
        unit.publish(
            CateringRejected(booking_id=booking_id, causation_id=command.message_id, reason=plan.reason)
        )
        log.info("catering rejected", extra={"fields": {**fields, "reason": plan.reason}})
        return
    await repository.insert_held(connection, booking_id, command.space_id, request, plan)
    unit.publish(
        CateringReserved(
            booking_id=booking_id,
            causation_id=command.message_id,
            meal_period=plan.meal_period,
            covers=plan.covers,
            price_minor=plan.price_minor,
            currency=plan.menu.currency,
        )
    )
    log.info(
        "catering held", extra={"fields": {**fields, "meal_period": plan.meal_period, "day": str(plan.day)}}
    )


def _answer_again(command: ReserveCatering, order: asyncpg.Record) -> Message:
    booking_id, causation_id = command.booking_id, command.message_id
    if order["status"] in HOLDING:
        return CateringReserved(
            booking_id=booking_id, causation_id=causation_id, meal_period=order["meal_period"],
            covers=order["headcount"], price_minor=order["price_minor"], currency=order["currency"],
        )  # fmt: skip
    reason = order["reason"] if order["status"] == "rejected" else ALREADY_RELEASED
    return CateringRejected(booking_id=booking_id, causation_id=causation_id, reason=reason)


async def confirm(command: ConfirmCatering, unit: UnitOfWork, book: MenuBook) -> None:
    """Make the held order firm and assign the work to the caterer, once per booking."""
    connection, booking_id = unit.connection, command.booking_id
    await repository.lock_booking(connection, booking_id)
    order = await repository.order(connection, booking_id)
    fields = {"booking_id": str(booking_id)}
    if order is None or order["status"] not in HOLDING:
        # the saga confirms only what was reserved; nothing to answer that it could act on
        log.warning(
            "confirm without a held order", extra={"fields": {**fields, "status": order and order["status"]}}
        )
        return
    if order["status"] == "held":
        await repository.set_status(connection, booking_id, "confirmed")
    task = vendor_task(_confirmed(order), book, command.message_id)
    if await repository.record_task(connection, task_id(booking_id), booking_id, task.vendor_id):
        unit.publish(task, subject=task.vendor_subject())
        log.info("caterer task assigned", extra={"fields": {**fields, "vendor_id": task.vendor_id}})
    unit.publish(CateringConfirmed(booking_id=booking_id, causation_id=command.message_id))


def _confirmed(order: asyncpg.Record) -> ConfirmedOrder:
    return ConfirmedOrder(
        booking_id=order["booking_id"], menu=order["menu"], headcount=order["headcount"],
        meal_period=order["meal_period"], serve_at=order["serve_at"], space_id=order["space_id"],
        starts_at=order["starts_at"], ends_at=order["ends_at"],
    )  # fmt: skip


async def release(command: ReleaseCatering, unit: UnitOfWork) -> None:
    """Give the booking's covers back; with nothing held yet, leave a tombstone that refuses a late reserve."""
    connection, booking_id = unit.connection, command.booking_id
    await repository.lock_booking(connection, booking_id)
    order = await repository.order(connection, booking_id)
    fields = {"booking_id": str(booking_id)}
    if order is None:
        await repository.insert_tombstone(
            connection, booking_id, command.reason or "released before reserved"
        )
        log.info("catering released before reserved: tombstone", extra={"fields": fields})
    elif order["status"] in HOLDING:
        await repository.give_back_covers(connection, order["day"], order["meal_period"], order["headcount"])
        await repository.set_status(connection, booking_id, "released")
        log.info("catering released", extra={"fields": {**fields, "covers": order["headcount"]}})
    unit.publish(CateringReleased(booking_id=booking_id, causation_id=command.message_id))
