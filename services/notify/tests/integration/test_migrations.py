"""Migration 002 upgrades a database that already holds notifications of the first version."""

import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool

from .conftest import MIGRATIONS

pytestmark = pytest.mark.integration


async def test_first_version_rows_get_recipient_keys_and_keep_their_guarantees(
    fresh_database: Callable[[str], str], tmp_path: Path
) -> None:
    first_version = tmp_path / "migrations"
    first_version.mkdir()
    shutil.copy(MIGRATIONS / "001_notifications.sql", first_version)
    pool = await create_pool(fresh_database("notify"), size=2)
    try:
        await apply_migrations(pool, "notify", first_version)
        notification, message = uuid.uuid4(), uuid.uuid4()
        async with pool.acquire() as connection:
            await connection.execute(
                "INSERT INTO notifications (id, message_id, booking_id, event, recipient, locale, subject, body)"
                " VALUES ($1, $2, $3, 'booking_confirmed', 'Ann@Example.org', 'en', 's', 'b')",
                notification,
                message,
                uuid.uuid4(),
            )
            await connection.execute(
                "INSERT INTO deliveries (id, notification_id, message_id, recipient, channel)"
                " VALUES (gen_random_uuid(), $1, $2, 'Ann@Example.org', 'email')",
                notification,
                message,
            )

        assert await apply_migrations(pool, "notify", MIGRATIONS) == [
            "notify/002_recipients_channels_reminders.sql",
            "notify/003_reminder_trace.sql",
            "notify/004_accounts.sql",
            "notify/005_payload_retention.sql",
            "notify/006_sms_receipts.sql",
            "notify/007_not_reachable.sql",
            "notify/008_broadcast_scope.sql",
            "notify/009_signage.sql",
        ]

        async with pool.acquire() as connection:
            keys = await connection.fetch(
                "SELECT recipient_key FROM notifications UNION ALL SELECT recipient_key FROM deliveries"
            )
            again = await connection.execute(
                "INSERT INTO deliveries (id, notification_id, message_id, recipient, recipient_key, channel)"
                " VALUES (gen_random_uuid(), $1, $2, 'ann@example.org', 'organizer:ann@example.org', 'email')"
                " ON CONFLICT DO NOTHING",
                notification,
                message,
            )
        assert {row["recipient_key"] for row in keys} == {"organizer:ann@example.org"}
        assert again == "INSERT 0 0"
    finally:
        await pool.close()
