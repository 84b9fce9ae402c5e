"""A delivered notification's payload (e-mail HTML, SMS, calendar, webhook data, trace context) is cleared
after the window; a recent one, and one with a delivery still pending, keep theirs; the feed's text stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.notify.entrypoints.timers import clear_delivered_payloads
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database

from .conftest import confirmed

pytestmark = pytest.mark.integration


async def test_old_delivered_payloads_go_recent_and_pending_ones_stay(
    database: Database, notifier: Notifier
) -> None:
    now = datetime.now(UTC)
    events = {name: confirmed() for name in ("old_sent", "old_pending", "recent_sent")}
    async with database.transaction() as unit:
        for event in events.values():
            await on_booking_event(event, unit, notifier)
    for name, event in events.items():
        age = timedelta(days=29 if name == "recent_sent" else 31)
        await database.pool.execute(
            "UPDATE notifications SET created_at = $2 WHERE message_id = $1", event.message_id, now - age
        )
        if name != "old_pending":
            await database.pool.execute(
                "UPDATE deliveries SET state = 'sent', sent_at = $2 WHERE message_id = $1",
                event.message_id,
                now,
            )

    assert await clear_delivered_payloads(database, keep_days=30, now=now) == 1

    rows = {
        name: await database.pool.fetchrow(
            "SELECT subject, body, html, trace_context FROM notifications WHERE message_id = $1",
            event.message_id,
        )
        for name, event in events.items()
    }
    assert rows["old_sent"]["html"] == "" and rows["old_sent"]["trace_context"] == {}
    assert rows["old_sent"]["subject"] and rows["old_sent"]["body"]  # the feed still reads them
    assert rows["old_pending"]["html"] and rows["recent_sent"]["html"]
    assert await clear_delivered_payloads(database, keep_days=30, now=now) == 0
