"""SQL for orders (one per booking and plan revision) and kitchen load, on the caller's transaction."""

from __future__ import annotations

from datetime import date

import asyncpg

from services.catering.domain.orders import OrderRequest, Plan
from services.catering.domain.tasks import ConfirmedOrder
from shared.participant.adapters.plans import PlanTable
from shared.participant.domain.plans import PlanKey, Row, key_of

ORDERS = PlanTable("catering_orders")  # one order per booking and plan revision

_TAKE_COVERS = """
UPDATE kitchen_load SET covers_reserved = covers_reserved + $3, updated_at = now()
WHERE day = $1 AND meal_period = $2 AND covers_reserved + $3 <= capacity
RETURNING covers_reserved
"""
_INSERT_ORDER = """
INSERT INTO catering_orders (booking_id, revision, status, menu, headcount, space_id, starts_at, ends_at,
                             serve_at, day, meal_period, price_minor, currency, reason, dietary,
                             allergy_notes, layout)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
"""


async def take_covers(
    connection: asyncpg.Connection, day: date, meal_period: str, covers: int, capacity: int
) -> bool:
    """Reserve ``covers`` for the day and meal period if they fit; atomic under any concurrency."""
    await connection.execute(
        "INSERT INTO kitchen_load (day, meal_period, capacity) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        day,
        meal_period,
        capacity,
    )
    return await connection.fetchval(_TAKE_COVERS, day, meal_period, covers) is not None


async def covers_left(connection: asyncpg.Connection, day: date, meal_period: str) -> tuple[int, int]:
    """(covers left, capacity) for the day and meal period."""
    row = await connection.fetchrow(
        "SELECT capacity - covers_reserved AS left, capacity FROM kitchen_load WHERE day = $1 AND meal_period = $2",
        day,
        meal_period,
    )
    assert row is not None
    return row["left"], row["capacity"]


async def give_back_covers(connection: asyncpg.Connection, day: date, meal_period: str, covers: int) -> None:
    await connection.execute(
        "UPDATE kitchen_load SET covers_reserved = covers_reserved - $3, updated_at = now()"
        " WHERE day = $1 AND meal_period = $2",
        day,
        meal_period,
        covers,
    )


async def insert_held(
    connection: asyncpg.Connection, key: PlanKey, space_id: str, request: OrderRequest, plan: Plan
) -> None:
    await connection.execute(
        _INSERT_ORDER,
        key.booking_id,
        key.revision,
        "held",
        plan.menu.id,
        plan.covers,
        space_id,
        request.starts_at,
        request.ends_at,
        plan.serve_at,
        plan.day,
        plan.meal_period,
        plan.price_minor,
        plan.menu.currency,
        None,
        request.dietary,
        request.allergy_notes,
        request.layout,
    )


async def insert_rejected(
    connection: asyncpg.Connection, key: PlanKey, space_id: str, request: OrderRequest, reason: str
) -> None:
    headcount = request.headcount if request.headcount > 0 else None
    await connection.execute(
        _INSERT_ORDER,
        key.booking_id,
        key.revision,
        "rejected",
        request.menu[:64],
        headcount,
        space_id,
        request.starts_at,
        request.ends_at,
        request.serve_at,
        None,
        None,
        None,
        None,
        reason,
        request.dietary,
        request.allergy_notes[:2000],
        request.layout[:200],
    )


async def release(connection: asyncpg.Connection, order: Row, reason: str | None = None) -> None:
    """Give a holding order's covers back to the kitchen and mark it released."""
    await give_back_covers(connection, order["day"], order["meal_period"], order["headcount"])
    await ORDERS.set_status(connection, key_of(order), "released", reason)


def confirmed_order(order: Row) -> ConfirmedOrder:
    """The order of a stored revision, as the caterer's task and the banquet event order read it."""
    return ConfirmedOrder(
        booking_id=order["booking_id"],
        menu=order["menu"],
        headcount=order["headcount"],
        meal_period=order["meal_period"],
        serve_at=order["serve_at"],
        space_id=order["space_id"],
        starts_at=order["starts_at"],
        ends_at=order["ends_at"],
        dietary=order["dietary"],
        allergy_notes=order["allergy_notes"],
        layout=order["layout"],
    )
