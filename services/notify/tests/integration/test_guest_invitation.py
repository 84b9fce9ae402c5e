"""An invited guest's personal link: e-mailed once however often the event arrives, by e-mail only, in the
guest's language; the link's secret is in no delivery data, and payload retention empties its text."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.notify.entrypoints.timers import clear_delivered_payloads
from services.notify.handlers.guests import on_guest_invited
from services.notify.handlers.telling import Notifier
from shared.contracts.guest_events import GuestInvited
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration

SECRET = "q" * 43


def invited(locale: str = "ko") -> GuestInvited:
    starts_at = datetime(2027, 10, 9, 1, tzinfo=UTC)
    return GuestInvited(
        booking_id=uuid.uuid4(),
        invitation_id=uuid.uuid4(),
        email=f"guest-{uuid.uuid4().hex[:8]}@example.org",
        locale=locale,
        link=f"https://web.example/g/{SECRET}",
        expires_at=starts_at + timedelta(hours=8),
        event_title="Mekong Tourism Week",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=8),
    )


async def handle(database: Database, notifier: Notifier, event: GuestInvited) -> bool:
    async with database.transaction() as unit:
        return await on_guest_invited(event, unit, notifier)


async def test_the_link_is_recorded_once_by_e_mail_only_and_its_text_goes_with_the_payload(
    database: Database, notifier: Notifier
) -> None:
    event = invited()
    assert await handle(database, notifier, event) is True
    assert await handle(database, notifier, event) is False  # a redelivery records nothing new

    deliveries = await database.pool.fetch(
        "SELECT recipient_key, channel, state FROM deliveries WHERE message_id = $1", event.message_id
    )
    assert [tuple(row) for row in deliveries] == [(f"invitation:{event.invitation_id}", "email", "pending")]
    row = await database.pool.fetchrow(
        "SELECT locale, subject, body, data::text AS data FROM notifications WHERE message_id = $1",
        event.message_id,
    )
    assert row["locale"] == "en"  # the Korean entry is a machine draft not yet reviewed: English stands in
    assert row["subject"] == "Your invitation to Mekong Tourism Week"
    assert event.link in row["body"] and "WICT" in row["body"]  # no organizer known here: the venue invites
    assert SECRET not in row["data"] and event.email not in row["data"]

    now = datetime.now(UTC)
    await database.pool.execute(
        "UPDATE notifications SET created_at = $2 WHERE message_id = $1",
        event.message_id,
        now - timedelta(days=31),
    )
    await database.pool.execute("UPDATE deliveries SET state = 'sent', sent_at = $2 WHERE message_id = $1",
                                event.message_id, now)  # fmt: skip
    assert await clear_delivered_payloads(database, keep_days=30, now=now) == 1
    cleared = await database.pool.fetchrow("SELECT subject, body FROM notifications WHERE message_id = $1",
                                           event.message_id)  # fmt: skip
    assert cleared["body"] == "" and SECRET not in cleared["subject"]


async def test_a_reviewed_locale_is_used_as_is(database: Database, notifier: Notifier) -> None:
    event = invited("zh-CN")
    assert await handle(database, notifier, event) is True
    row = await database.pool.fetchrow("SELECT locale, subject, body FROM notifications WHERE message_id = $1",
                                       event.message_id)  # fmt: skip
    assert row["locale"] == "zh-CN" and row["subject"] == "诚邀您参加Mekong Tourism Week"
    assert event.link in row["body"] and event.email in row["body"]  # greeted by address: no name is sent
