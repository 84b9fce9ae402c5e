"""Reminders 7 days and 24 hours ahead, to organizer and vendors: fired once when due, cancelled or moved
with the booking."""

import uuid
from datetime import UTC, datetime, timedelta

import msgspec
import pytest
from opentelemetry import trace

from services.notify.adapters import reminders
from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.reminders import fire_due
from services.notify.handlers.tasks import on_task_event
from services.notify.handlers.telling import Notifier
from shared.contracts import BookingCancelled, BookingChanged, VendorTaskCancelled
from shared.db.unit_of_work import Database

from .conftest import Clock, assigned, confirmed

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")
STARTS = datetime(2027, 3, 20, 6, tzinfo=UTC)  # far ahead of the real clock the handlers schedule from


async def handle(database: Database, notifier: Notifier, message) -> None:
    async with database.transaction() as unit:
        handler = on_task_event if hasattr(message, "task_id") else on_booking_event
        await handler(message, unit, notifier)


async def scheduled(database: Database, booking_id) -> list[tuple[str, timedelta, datetime, str]]:
    async with database.pool.acquire() as connection:
        rows = await reminders.of_booking(connection, booking_id)
    return [(row["recipient_key"], row["lead"], row["due_at"], row["state"]) for row in rows]


def later(event, cls, seconds: int = 1, **fields):
    common = {
        name: getattr(event, name)
        for name in ("booking_id", "title", "space_id", "space_name", "starts_at", "ends_at", "organizer")
    }
    return cls(**(common | {"occurred_at": event.occurred_at + timedelta(seconds=seconds)} | fields))


async def booked_with_vendor(database: Database, notifier: Notifier):
    event = confirmed(starts_at=STARTS)
    await handle(database, notifier, assigned(event.booking_id, starts_at=STARTS))  # a task may come first
    await handle(database, notifier, event)
    return event, f"organizer:{event.organizer.email}"


async def test_a_confirmed_booking_schedules_both_reminders_for_organizer_and_vendor(
    database, notifier
) -> None:
    event, organizer = await booked_with_vendor(database, notifier)

    week, day = STARTS - timedelta(days=7), STARTS - timedelta(hours=24)
    assert sorted(await scheduled(database, event.booking_id)) == sorted(
        [
            (organizer, timedelta(days=7), week, "pending"),
            (organizer, timedelta(hours=24), day, "pending"),
            ("vendor:agency-yangtze", timedelta(days=7), week, "pending"),
            ("vendor:agency-yangtze", timedelta(hours=24), day, "pending"),
        ]
    )


async def test_due_reminders_fire_once_in_each_readers_language(database, notifier) -> None:
    event, organizer = await booked_with_vendor(database, notifier)
    clock = Clock(STARTS - timedelta(days=7))

    fired = [await fire_due(database, notifier, TRACER, clock()) for _ in range(2)]
    clock.now = STARTS - timedelta(hours=24)
    fired.append(await fire_due(database, notifier, TRACER, clock()))

    assert fired == [2, 0, 2]
    async with database.pool.acquire() as connection:
        told = await connection.fetch(
            "SELECT recipient_key, event, subject FROM notifications WHERE booking_id = $1"
            " AND event IN ('reminder', 'vendor_reminder') ORDER BY created_at, recipient_key",
            event.booking_id,
        )
        deliveries = await connection.fetchval(
            "SELECT count(*) FROM deliveries d JOIN notifications n ON n.id = d.notification_id"
            " WHERE n.booking_id = $1 AND n.event IN ('reminder', 'vendor_reminder')",
            event.booking_id,
        )
    assert [tuple(row) for row in told] == [
        (organizer, "reminder", "Reminder: Destination Malaysia roadshow starts in 7 days"),
        ("vendor:agency-yangtze", "vendor_reminder", "任务提醒：同声传译将于7天后开始，多功能厅"),
        (organizer, "reminder", "Reminder: Destination Malaysia roadshow starts in 24 hours"),
        ("vendor:agency-yangtze", "vendor_reminder", "任务提醒：同声传译将于24小时后开始，多功能厅"),
    ]
    assert deliveries == 2 * 2 + 2 * 3  # organizer: feed + e-mail; vendor: feed + e-mail + SMS
    assert {state for *_, state in await scheduled(database, event.booking_id)} == {"sent"}


async def test_a_cancelled_booking_cancels_its_reminders_in_the_same_transaction(database, notifier) -> None:
    event, _ = await booked_with_vendor(database, notifier)

    await handle(database, notifier, later(event, BookingCancelled, reason="organizer asked"))

    assert {state for *_, state in await scheduled(database, event.booking_id)} == {"cancelled"}
    assert await fire_due(database, notifier, TRACER, STARTS) == 0


async def test_a_moved_booking_gets_new_reminders_and_loses_the_old(database, notifier) -> None:
    event, organizer = await booked_with_vendor(database, notifier)
    moved_to = STARTS + timedelta(days=2)

    await handle(
        database,
        notifier,
        later(
            event,
            BookingChanged,
            changes=["time"],
            starts_at=moved_to,
            ends_at=moved_to + timedelta(hours=4),
            previous_starts_at=STARTS,
        ),
    )

    found = await scheduled(database, event.booking_id)
    assert {(due, state) for _, _, due, state in found if due < moved_to - timedelta(days=7)} == {
        (STARTS - timedelta(days=7), "cancelled")
    }
    pending = sorted((key, due) for key, _, due, state in found if state == "pending")
    assert pending == sorted(
        (key, moved_to - lead)
        for key in (organizer, "vendor:agency-yangtze")
        for lead in (timedelta(days=7), timedelta(hours=24))
    )
    assert (
        await fire_due(database, notifier, TRACER, STARTS - timedelta(days=6)) == 0
    )  # the old week-ahead one
    assert await fire_due(database, notifier, TRACER, moved_to - timedelta(days=7)) == 2


async def test_a_withdrawn_task_cancels_that_vendors_reminders_only(database, notifier) -> None:
    event, organizer = await booked_with_vendor(database, notifier)
    task = assigned(event.booking_id, starts_at=STARTS)
    withdrawn = VendorTaskCancelled(
        booking_id=task.booking_id,
        task_id=task.task_id,
        kind=task.kind,
        vendor_id=task.vendor_id,
        occurred_at=task.occurred_at + timedelta(seconds=5),
    )

    await handle(database, notifier, withdrawn)

    states = {(key, state) for key, _, _, state in await scheduled(database, event.booking_id)}
    assert states == {(organizer, "pending"), ("vendor:agency-yangtze", "cancelled")}


async def test_a_booking_confirmed_less_than_a_week_ahead_gets_only_the_24_hour_reminder(
    database, notifier
) -> None:
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    event = confirmed(starts_at=soon)

    await handle(database, notifier, event)

    assert [lead for _, lead, _, _ in await scheduled(database, event.booking_id)] == [timedelta(hours=24)]


async def test_a_booking_handed_to_another_organizer_reminds_the_new_one_only(database, notifier) -> None:
    event, previous = await booked_with_vendor(database, notifier)
    successor = msgspec.structs.replace(
        event.organizer, email=f"successor-{uuid.uuid4().hex[:8]}@example.org"
    )

    await handle(database, notifier, later(event, BookingChanged, changes=["organizer"], organizer=successor))

    states = {(key, state) for key, _, _, state in await scheduled(database, event.booking_id)}
    assert states == {
        (previous, "cancelled"),
        (f"organizer:{successor.email}", "pending"),
        ("vendor:agency-yangtze", "pending"),
    }
