"""Running commands the way the consumer does, and reading what they staged in the outbox."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import msgspec

from shared.contracts import Message
from shared.db.pool import TRANSIENT_ERRORS
from shared.db.unit_of_work import Database

CONSUMER = "interpreting-commands"


async def run(database: Database, handler: Callable[..., Any], command: Message, *args: Any) -> bool:
    """Handle ``command`` as the consumer does (inbox claim, one transaction, retry transient errors).

    Returns False if the inbox had already seen the message id.
    """
    for attempt in range(20):
        try:
            async with database.transaction() as unit:
                if not await unit.claim(CONSUMER, command.message_id):
                    return False
                await handler(command, unit, *args)
            return True
        except TRANSIENT_ERRORS:
            await asyncio.sleep(0.01 * (attempt + 1))
    raise AssertionError("still failing after 20 attempts")


STATE_SUBJECT = "interpreting.evt.task_state"


async def published(
    database: Database, booking_id: Any = None, with_states: bool = False
) -> list[tuple[str, dict[str, Any]]]:
    """(subject, decoded body) of every staged outgoing message, oldest first, for one booking if given;
    the venue's task state events only ``with_states``."""
    async with database.pool.acquire() as connection:
        rows = await connection.fetch("SELECT subject, payload FROM outbox ORDER BY seq")
    found = [(row["subject"], msgspec.json.decode(row["payload"])) for row in rows]
    return [
        (subject, body)
        for subject, body in found
        if (booking_id is None or body["booking_id"] == str(booking_id))
        and (with_states or subject != STATE_SUBJECT)
    ]
