"""SQL for orders (one per booking and plan revision) and kitchen load, on the caller's transaction."""

from __future__ import annotations

import uuid
from datetime import date

import asyncpg

from services.catering.domain.orders import OrderKey, OrderRequest, Plan
from shared.vendor_tasks.store import lock_booking as lock_booking  # one lock for commands and answers

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


async def orders(connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
    """Every revision of the booking's order (held, confirmed, released, rejected or tombstone), oldest first."""
    return await connection.fetch(
        "SELECT * FROM catering_orders WHERE booking_id = $1 ORDER BY revision", booking_id
    )


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
    connection: asyncpg.Connection, key: OrderKey, space_id: str, request: OrderRequest, plan: Plan
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
    connection: asyncpg.Connection, key: OrderKey, space_id: str, request: OrderRequest, reason: str
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


async def insert_tombstone(connection: asyncpg.Connection, key: OrderKey, reason: str) -> None:
    await connection.execute(
        "INSERT INTO catering_orders (booking_id, revision, status, reason) VALUES ($1, $2, 'released', $3)",
        key.booking_id,
        key.revision,
        reason,
    )


async def set_status(
    connection: asyncpg.Connection, key: OrderKey, status: str, reason: str | None = None
) -> None:
    await connection.execute(
        "UPDATE catering_orders SET status = $3, reason = coalesce($4, reason), updated_at = now()"
        " WHERE booking_id = $1 AND revision = $2",
        key.booking_id,
        key.revision,
        status,
        reason,
    )


async def release(connection: asyncpg.Connection, order: asyncpg.Record, reason: str | None = None) -> None:
    """Give a holding order's covers back to the kitchen and mark it released."""
    await give_back_covers(connection, order["day"], order["meal_period"], order["headcount"])
    await set_status(connection, OrderKey(order["booking_id"], order["revision"]), "released", reason)
