"""The saga's commands at catering: reserve kitchen covers for a plan revision, confirm it, release it.

The participant kernel (``shared.participant``) takes every command the same way: under the booking's
lock, answered with its revision, repeated commands answered again without changing anything twice.
What is catering's own: a change's revision takes its own covers beside the live revision's, so the
booking counts twice in the kitchen's load until the confirm gives the older covers back (or the
release gives back the change's).
"""

from __future__ import annotations

import logging
from datetime import datetime

import asyncpg

from services.catering.adapters import repository
from services.catering.adapters.repository import ORDERS
from services.catering.domain.guarantee import (
    DEFAULT_POLICY,
    GuaranteePolicy,
    after_guarantee,
    guaranteed_headcount,
)
from services.catering.domain.menus import MenuBook
from services.catering.domain.orders import (
    ALREADY_RELEASED,
    RELEASED_EARLY,
    OrderRequest,
    Plan,
    Refusal,
    kitchen_full_reason,
    plan_order,
    superseded_reason,
)
from services.catering.domain.tasks import TASKS
from services.catering.handlers.caterers import Caterers
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
from shared.participant.domain.plans import PlanKey, Revisions, Row, SagaAnswers, log_fields
from shared.participant.domain.task_kind import TaskKind
from shared.participant.handlers import plans
from shared.participant.handlers.plans import Participant

log = logging.getLogger(__name__)

CATERING = Participant(
    "catering",
    ORDERS,
    SagaAnswers(CateringRejected, CateringConfirmed, CateringReleased, ALREADY_RELEASED, RELEASED_EARLY),
)


async def reserve(
    command: ReserveCatering,
    unit: UnitOfWork,
    book: MenuBook,
    now: datetime,
    guarantee: GuaranteePolicy = DEFAULT_POLICY,
) -> None:
    """Hold kitchen covers for the revision's menu and headcount (beside the booking's others), or say why not."""

    async def reserved_again(order: Row) -> Message:
        return _reserved(
            command, order["meal_period"], order["headcount"], order["price_minor"], order["currency"]
        )

    known = await plans.reserve_once(unit, CATERING, command, reserved_again)
    if known is None:
        return
    connection, key = unit.connection, PlanKey(command.booking_id, command.revision)
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
    plan = await _plan(connection, key, request, known, book, now, guarantee)
    fields = {**log_fields(key), "menu": command.menu, "headcount": command.headcount}
    if isinstance(plan, Refusal):
        await repository.insert_rejected(connection, key, command.space_id, request, plan.reason)
        unit.publish(CATERING.answers.rejecting(command, plan.reason))
        log.info("catering rejected", extra={"fields": {**fields, "reason": plan.reason}})
        return
    await repository.insert_held(connection, key, command.space_id, request, plan)
    unit.publish(_reserved(command, plan.meal_period, plan.covers, plan.price_minor, plan.menu.currency))
    log.info(
        "catering held", extra={"fields": {**fields, "meal_period": plan.meal_period, "day": str(plan.day)}}
    )


async def _plan(
    connection: asyncpg.Connection,
    key: PlanKey,
    request: OrderRequest,
    known: Revisions,
    book: MenuBook,
    now: datetime,
    guarantee: GuaranteePolicy,
) -> Plan | Refusal:
    """The revision's plan with its covers taken in the kitchen, or why it cannot be served."""
    if known.confirmed is not None and known.confirmed > key.revision:
        return Refusal(superseded_reason(key.revision, known.confirmed))
    plan = plan_order(request, book, now)
    if not isinstance(plan, Refusal) and key.revision > 0:
        departs_from = guaranteed_headcount(known, key.revision)
        plan = after_guarantee(plan, departs_from, request.starts_at, now, guarantee)
    if isinstance(plan, Refusal) or await repository.take_covers(
        connection, plan.day, plan.meal_period, plan.covers, plan.capacity
    ):
        return plan
    left, capacity = await repository.covers_left(connection, plan.day, plan.meal_period)
    return Refusal(kitchen_full_reason(left, capacity, plan.meal_period, plan.day))


def _reserved(
    command: ReserveCatering, meal_period: str, covers: int, price_minor: int, currency: str
) -> CateringReserved:
    return CateringReserved(
        booking_id=command.booking_id,
        revision=command.revision,
        causation_id=command.message_id,
        meal_period=meal_period,
        covers=covers,
        price_minor=price_minor,
        currency=currency,
    )


async def confirm(
    command: ConfirmCatering, unit: UnitOfWork, book: MenuBook, tasks: TaskKind = TASKS
) -> None:
    """Make the revision firm, give back the covers of the booking's older revisions, tell the caterer what is new."""
    await plans.confirm(unit, CATERING, command, Caterers(book, tasks), repository.release)


async def release(command: ReleaseCatering, unit: UnitOfWork, tasks: TaskKind = TASKS) -> None:
    """Give the revision's covers back (cancelling the caterer's task if it was firm); tombstone if early."""
    await plans.release(unit, CATERING, command, command.reason, repository.release, tasks)
