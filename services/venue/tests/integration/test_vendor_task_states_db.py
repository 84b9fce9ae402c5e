"""Vendor task states reported by interpreting and catering, kept per task on a real PostgreSQL.

The events go through the venue's own consumer routes and inbox, as the NATS consumer runs them.
"""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.adapters.vendor_tasks import DeskQuery
from services.venue.domain.access import Role
from services.venue.domain.catalog import load_catalog
from services.venue.domain.settings import SagaSettings
from services.venue.entrypoints.messages.participants import routes
from services.venue.handlers.vendor_tasks import booking_tasks, desk_tasks
from services.venue.tests.integration.addon_support import insert_booking, new_account
from shared.contracts import CateringTaskStateChanged, InterpretingTaskStateChanged, VendorTaskStateChanged

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)
HANDLERS = {
    message_type: (consumer.durable, handler)
    for consumer, handlers in routes(load_catalog(), SagaSettings()).items()
    for message_type, handler in handlers.items()
}


async def deliver(database: VenueDatabase, event: VendorTaskStateChanged) -> None:
    """One delivery as the consumer makes it: inbox claim, then the handler, in one transaction."""
    durable, handler = HANDLERS[type(event)]
    async with database.database.transaction() as unit:
        if await unit.claim(durable, event.message_id):
            await handler(event, unit)


def interpreting(booking_id: uuid.UUID, state: str, version: int, **fields) -> InterpretingTaskStateChanged:
    return InterpretingTaskStateChanged(
        booking_id=booking_id,
        task_id=f"interpreting-{booking_id}-agency-yangtze",
        kind="interpreting",
        vendor_id="agency-yangtze",
        state=state,
        version=version,
        **fields,
    )


def catering(booking_id: uuid.UUID, state: str, version: int, **fields) -> CateringTaskStateChanged:
    return CateringTaskStateChanged(
        booking_id=booking_id,
        task_id=f"catering-{booking_id}-caterer-cuntan-kitchen",
        kind="catering",
        vendor_id="caterer-cuntan-kitchen",
        state=state,
        version=version,
        **fields,
    )


async def a_booking(database: VenueDatabase) -> uuid.UUID:
    ann = await new_account(database.pool, Role.ORGANIZER)
    starts_at = NOW + timedelta(days=30)
    return await insert_booking(database.pool, ann, starts_at, starts_at + timedelta(hours=4), units=())


async def shown(database: VenueDatabase, booking_id: uuid.UUID) -> list[tuple]:
    rows = await booking_tasks(database, booking_id)
    return [(row["kind"], row["vendor_id"], row["state"], row["version"], row["reason"]) for row in rows]


async def test_the_newest_version_wins_whatever_order_the_events_arrive_in(database):
    booking_id = await a_booking(database)
    due = NOW + timedelta(hours=12)
    waiting = interpreting(booking_id, "awaiting_answer", 1, answer_due=due)
    accepted = interpreting(booking_id, "accepted", 2)
    escalated = interpreting(booking_id, "escalated", 4, reason="nobody could take it in time")
    declined = interpreting(booking_id, "declined", 3, reason="no Malay interpreter")

    for event in (waiting, escalated, accepted, declined):  # 2 and 3 arrive after 4
        await deliver(database, event)

    assert await shown(database, booking_id) == [
        ("interpreting", "agency-yangtze", "escalated", 4, "nobody could take it in time")
    ]


async def test_a_redelivered_or_repeated_event_changes_nothing(database):
    booking_id = await a_booking(database)
    first = interpreting(booking_id, "awaiting_answer", 1, answer_due=NOW + timedelta(hours=12))
    newer = interpreting(booking_id, "accepted", 2)
    await deliver(database, first)
    await deliver(database, newer)
    before = await shown(database, booking_id)

    await deliver(database, first)  # the same message again: the inbox drops it
    await deliver(database, interpreting(booking_id, "declined", 2, reason="same version, other id"))

    assert before == [("interpreting", "agency-yangtze", "accepted", 2, "")]
    assert await shown(database, booking_id) == before


async def test_a_booking_shows_each_task_by_kind_then_vendor_with_its_deadline(database):
    booking_id = await a_booking(database)
    due = datetime(2027, 3, 2, 6, tzinfo=UTC)
    await deliver(database, interpreting(booking_id, "awaiting_answer", 1, answer_due=due))
    await deliver(database, catering(booking_id, "done", 5))
    other = await a_booking(database)
    await deliver(database, catering(other, "accepted", 1))

    rows = await booking_tasks(database, booking_id)

    assert [(row["kind"], row["state"], row["answer_due"]) for row in rows] == [
        ("catering", "done", None),
        ("interpreting", "awaiting_answer", due),
    ]


async def test_a_task_of_an_unknown_booking_is_dropped_without_failing(database):
    stray = interpreting(uuid.uuid4(), "escalated", 1)

    await deliver(database, stray)  # no exception: the consumer acks it instead of redelivering forever

    assert await desk_tasks(database, DeskQuery(booking_id=stray.booking_id)) == []


async def test_the_duty_desk_lists_escalations_oldest_first_page_by_page(database):
    bookings = [await a_booking(database) for _ in range(3)]
    for minutes, booking_id in zip((30, 10, 20), bookings, strict=True):
        at = NOW - timedelta(minutes=minutes)
        await deliver(database, interpreting(booking_id, "escalated", 3, reason="none free", occurred_at=at))
        await deliver(database, catering(booking_id, "accepted", 1, occurred_at=at))

    first = await desk_tasks(database, DeskQuery(state="escalated", limit=2))
    last = first[-1]
    rest = await desk_tasks(
        database, DeskQuery(state="escalated", limit=2, after=(last["updated_at"], last["task_id"]))
    )

    assert [row["booking_id"] for row in first + rest] == [bookings[0], bookings[2], bookings[1]]
    assert {row["state"] for row in first + rest} == {"escalated"}
    assert first[0]["title"] == "Forum" and first[0]["organizer_zone"] == "Europe/Berlin"
    catering_only = await desk_tasks(database, DeskQuery(kind="catering", booking_id=bookings[1]))
    assert [(row["kind"], row["state"]) for row in catering_only] == [("catering", "accepted")]
