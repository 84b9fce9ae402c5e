"""SQL for the audit log: who changed a booking, how, when, and in which trace."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg


class AuditLog:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def record(
        self,
        booking_id: uuid.UUID,
        actor: str,
        action: str,
        detail: dict[str, Any] | None = None,
        trace_id: str = "",
    ) -> None:
        await self.connection.execute(
            "INSERT INTO audit_log (booking_id, actor, action, detail, trace_id) VALUES ($1, $2, $3, $4, $5)",
            booking_id,
            actor,
            action,
            detail or {},
            trace_id,
        )

    async def trail(self, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        return await self.connection.fetch(
            "SELECT actor, action, detail, trace_id, at FROM audit_log WHERE booking_id = $1 ORDER BY id",
            booking_id,
        )
