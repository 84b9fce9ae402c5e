"""SQL for activity-planning tasks. Every function runs on the caller's connection."""

from __future__ import annotations

import uuid

import asyncpg

_COLUMNS = "id, booking_id, requested_by, request, contact_language, status, assignee_id, notes, created_at, updated_at"


class PlanningRepository:
    """Planning tasks, on the unit's connection."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def insert_task(
        self,
        booking_id: uuid.UUID,
        requested_by: str,
        request: str,
        contact_language: str,
    ) -> asyncpg.Record:
        return await self.connection.fetchrow(
            f"INSERT INTO planning_tasks (id, booking_id, requested_by, request, contact_language)"
            f" VALUES ($1, $2, $3, $4, $5) RETURNING {_COLUMNS}",
            uuid.uuid4(),
            booking_id,
            requested_by,
            request,
            contact_language,
        )

    async def tasks_of_booking(self, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        return await self.connection.fetch(
            f"SELECT {_COLUMNS} FROM planning_tasks WHERE booking_id = $1 ORDER BY created_at, id", booking_id
        )

    async def tasks(self, status: str | None, limit: int) -> list[asyncpg.Record]:
        """Tasks for staff, oldest first, all or only those in ``status``."""
        return await self.connection.fetch(
            f"SELECT {_COLUMNS} FROM planning_tasks WHERE $1::text IS NULL OR status = $1"
            " ORDER BY created_at, id LIMIT $2",
            status,
            limit,
        )

    async def lock_task(self, task_id: uuid.UUID) -> asyncpg.Record | None:
        return await self.connection.fetchrow(
            f"SELECT {_COLUMNS} FROM planning_tasks WHERE id = $1 FOR UPDATE", task_id
        )

    async def update_task(
        self, task_id: uuid.UUID, status: str, assignee_id: uuid.UUID | None, notes: str
    ) -> asyncpg.Record:
        return await self.connection.fetchrow(
            f"UPDATE planning_tasks SET status = $2, assignee_id = $3, notes = $4, updated_at = now()"
            f" WHERE id = $1 RETURNING {_COLUMNS}",
            task_id,
            status,
            assignee_id,
            notes,
        )
