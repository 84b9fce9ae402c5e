"""Notify's booking and vendor-task picture (a projection of the events), and who is on site when."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from services.notify.domain.projection import ACTIVE_BOOKING, BookingView, TaskView


async def lock_booking(connection: asyncpg.Connection, booking_id: uuid.UUID) -> None:
    """Serialize every change of one booking's picture (booking and task events arrive concurrently)."""
    await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1::text))", str(booking_id))


def _booking(row: asyncpg.Record) -> BookingView:
    return BookingView(
        booking_id=row["booking_id"],
        organizer_key=row["organizer_key"],
        title=row["title"],
        space_id=row["space_id"],
        space_name=row["space_name"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        status=row["status"],
    )


async def booking(
    connection: asyncpg.Connection, booking_id: uuid.UUID
) -> tuple[BookingView, datetime] | None:
    """The booking as last told, with the time of the event that told it."""
    row = await connection.fetchrow("SELECT * FROM bookings WHERE booking_id = $1", booking_id)
    return (_booking(row), row["last_event_at"]) if row else None


async def save_booking(connection: asyncpg.Connection, view: BookingView, event_at: datetime) -> None:
    await connection.execute(
        """
        INSERT INTO bookings (booking_id, organizer_key, title, space_id, space_name, starts_at, ends_at, status,
                              last_event_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (booking_id) DO UPDATE SET organizer_key = $2, title = $3, space_id = $4, space_name = $5,
            starts_at = $6, ends_at = $7, status = $8, last_event_at = $9, updated_at = now()
        """,
        view.booking_id,
        view.organizer_key,
        view.title,
        view.space_id,
        view.space_name,
        view.starts_at,
        view.ends_at,
        view.status,
        event_at,
    )


def _task(row: asyncpg.Record) -> TaskView:
    return TaskView(
        task_id=row["task_id"],
        vendor_id=row["vendor_id"],
        kind=row["kind"],
        booking_id=row["booking_id"],
        state=row["state"],
        space_id=row["space_id"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        load_in_at=row["load_in_at"],
        load_out_at=row["load_out_at"],
        summary=row["summary"],
    )


async def task(
    connection: asyncpg.Connection, task_id: str, vendor_id: str
) -> tuple[TaskView, datetime] | None:
    row = await connection.fetchrow(
        "SELECT * FROM booking_tasks WHERE task_id = $1 AND vendor_id = $2", task_id, vendor_id
    )
    return (_task(row), row["last_event_at"]) if row else None


async def save_task(connection: asyncpg.Connection, view: TaskView, event_at: datetime) -> None:
    """Store the task's new state; times and content a cancellation does not repeat are kept."""
    await connection.execute(
        """
        INSERT INTO booking_tasks (task_id, vendor_id, booking_id, kind, state, space_id, starts_at, ends_at,
                                   load_in_at, load_out_at, summary, last_event_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (task_id, vendor_id) DO UPDATE SET state = $5,
            space_id = coalesce($6, booking_tasks.space_id), starts_at = coalesce($7, booking_tasks.starts_at),
            ends_at = coalesce($8, booking_tasks.ends_at), load_in_at = coalesce($9, booking_tasks.load_in_at),
            load_out_at = coalesce($10, booking_tasks.load_out_at),
            summary = CASE WHEN $11 = '' THEN booking_tasks.summary ELSE $11 END, last_event_at = $12
        """,
        view.task_id,
        view.vendor_id,
        view.booking_id,
        view.kind,
        view.state,
        view.space_id,
        view.starts_at,
        view.ends_at,
        view.load_in_at,
        view.load_out_at,
        view.summary,
        event_at,
    )


async def active_tasks(
    connection: asyncpg.Connection, booking_id: uuid.UUID, vendor_id: str | None = None
) -> list[TaskView]:
    rows = await connection.fetch(
        "SELECT * FROM booking_tasks WHERE booking_id = $1 AND state = 'active'"
        " AND ($2::text IS NULL OR vendor_id = $2) ORDER BY starts_at, task_id",
        booking_id,
        vendor_id,
    )
    return [_task(row) for row in rows]


@dataclass(frozen=True)
class Involvement:
    """One recipient's event in a time window: an organizer's booking or a vendor's task."""

    recipient_key: str
    booking_id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    space_id: str = ""


_IN_WINDOW = """
SELECT organizer_key AS recipient_key, booking_id, title, starts_at, ends_at, space_id
FROM bookings
WHERE status = ANY($3::text[]) AND tstzrange(starts_at, ends_at) && tstzrange($1, $2)
UNION ALL
SELECT 'vendor:' || t.vendor_id, t.booking_id, coalesce(b.title, t.task_id), t.starts_at, t.ends_at,
       coalesce(b.space_id, t.space_id, '')
FROM booking_tasks t LEFT JOIN bookings b ON b.booking_id = t.booking_id
WHERE t.state = 'active' AND t.load_in_at IS NOT NULL AND t.load_out_at IS NOT NULL
  AND tstzrange(t.load_in_at, t.load_out_at) && tstzrange($1, $2)
  AND (b.status IS NULL OR b.status = ANY($3::text[]))
ORDER BY recipient_key, starts_at
"""


async def involved_between(
    connection: asyncpg.Connection, starts_at: datetime, ends_at: datetime
) -> list[Involvement]:
    """Every organizer with a live booking, and every vendor on site, overlapping the window."""
    rows = await connection.fetch(_IN_WINDOW, starts_at, ends_at, list(ACTIVE_BOOKING))
    return [
        Involvement(
            row["recipient_key"],
            row["booking_id"],
            row["title"],
            row["starts_at"],
            row["ends_at"],
            row["space_id"],
        )
        for row in rows
    ]
