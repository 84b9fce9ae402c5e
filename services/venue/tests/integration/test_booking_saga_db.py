"""The venue's use cases against a real PostgreSQL: holds, conflicts, idempotency, saga steps."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain import saga as rules
from services.venue.domain.booking import BookingRequest
from services.venue.domain.catalog import load_catalog
from services.venue.domain.commands import NewBooking
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.booking import create_booking
from services.venue.handlers.errors import IdempotencyKeyReused, SlotTaken
from services.venue.handlers.saga import advance
from shared.contracts import Organizer

pytestmark = pytest.mark.integration

CATALOG = load_catalog()
SETTINGS = SagaSettings()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime.now(UTC)
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def at(day: int, hour: int) -> datetime:
    return datetime(2027, 3, day, hour, tzinfo=SHANGHAI)


START, END = at(2, 14), at(2, 18)


def booking(
    space="room-a",
    start=START,
    end=END,
    key=None,
    interpreting=False,
    catering=False,
    title="Forum",
):
    request = BookingRequest(
        space_id=space,
        layout="theater",
        starts_at=start,
        ends_at=end,
        attendees=100,
        time_zone="Europe/Berlin",
        floor_language="en" if interpreting else None,
        target_languages=("zh",) if interpreting else (),
    )
    return NewBooking(
        request=request,
        title=title,
        organizer=Organizer(name="Ann", email="ann@example.org"),
        organizer_id=None,
        actor="test:integration",
        interpreting={"floor_language": "en", "target_languages": ["zh"]} if interpreting else None,
        catering={"menu": "western-buffet", "headcount": 80} if catering else None,
        idempotency_key=key,
        canonical_body=msgspec.json.encode([space, str(start), str(end), title]),
    )


async def outbox_subjects(database: VenueDatabase) -> list[str]:
    return [row["subject"] for row in await database.pool.fetch("SELECT subject FROM outbox ORDER BY seq")]


async def test_a_booking_holds_every_unit_and_stages_the_reserve_commands(database):
    accepted = await create_booking(
        booking("room-ab", interpreting=True, catering=True), database, CATALOG, SETTINGS, NOW
    )
    assert accepted.status == "pending" and len(accepted.trace_id) in (0, 32)
    units = {row["unit"] for row in await database.pool.fetch("SELECT unit FROM space_holds")}
    assert units == {"room-a", "room-b"}
    assert await outbox_subjects(database) == [
        "interpreting.cmd.reserve",
        "catering.cmd.reserve",
        "venue.evt.booking_received",
    ]
    steps = await database.pool.fetch("SELECT step, state, deadline FROM saga_steps ORDER BY position")
    assert [(s["step"], s["state"]) for s in steps] == [
        ("hold", "held"),
        ("interpreting", "pending"),
        ("catering", "pending"),
    ]
    assert steps[0]["deadline"] is None and steps[1]["deadline"] is not None


async def test_overlaps_with_buffers_and_combined_rooms_are_refused_and_leave_nothing(database):
    await create_booking(booking("room-b"), database, CATALOG, SETTINGS, NOW)
    before = await database.pool.fetchval("SELECT count(*) FROM bookings")
    for space, start, end in [
        ("room-ab", at(2, 9), at(2, 14)),
        ("room-bc", at(2, 18), at(2, 20)),
        ("room-b", at(2, 17), at(2, 19)),
    ]:
        with pytest.raises(SlotTaken) as refused:
            await create_booking(booking(space, start, end), database, CATALOG, SETTINGS, NOW)
        assert refused.value.taken  # the conflicting interval is named
    assert await database.pool.fetchval("SELECT count(*) FROM bookings") == before
    # room A and C are free at the same time: the partition walls are closed
    await create_booking(booking("room-a"), database, CATALOG, SETTINGS, NOW)
    await create_booking(booking("room-c"), database, CATALOG, SETTINGS, NOW)


async def test_one_hundred_concurrent_bookings_of_one_slot_give_exactly_one_hold(database):
    attempts = [create_booking(booking(title=f"t{i}"), database, CATALOG, SETTINGS, NOW) for i in range(100)]
    results = await asyncio.gather(*attempts, return_exceptions=True)
    accepted = [r for r in results if not isinstance(r, BaseException)]
    assert len(accepted) == 1
    assert all(isinstance(r, SlotTaken) for r in results if isinstance(r, BaseException))
    assert await database.pool.fetchval("SELECT count(*) FROM bookings") == 1


async def test_the_same_idempotency_key_gives_the_same_booking_even_concurrently(database):
    key = str(uuid.uuid4())
    results = await asyncio.gather(
        *(create_booking(booking(key=key), database, CATALOG, SETTINGS, NOW) for _ in range(20))
    )
    assert len({result.booking_id for result in results}) == 1
    assert await database.pool.fetchval("SELECT count(*) FROM bookings") == 1
    with pytest.raises(IdempotencyKeyReused):
        await create_booking(booking(key=key, title="another"), database, CATALOG, SETTINGS, NOW)


async def test_a_rejected_step_compensates_and_frees_the_hall(database):
    accepted = await create_booking(
        booking(interpreting=True, catering=True), database, CATALOG, SETTINGS, NOW
    )
    async with database.transaction() as unit:
        await advance(
            unit, accepted.booking_id, partial(rules.on_reserved, step="interpreting"), CATALOG, SETTINGS
        )
    async with database.transaction() as unit:
        changed = await advance(
            unit,
            accepted.booking_id,
            partial(rules.on_rejected, step="catering", reason="too late"),
            CATALOG,
            SETTINGS,
        )
    assert changed
    assert (await outbox_subjects(database))[-1] == "interpreting.cmd.release"
    assert await database.pool.fetchval("SELECT count(*) FROM space_holds") == 1  # released last
    async with database.transaction() as unit:
        await advance(
            unit, accepted.booking_id, partial(rules.on_released, step="interpreting"), CATALOG, SETTINGS
        )
    row = await database.pool.fetchrow("SELECT status, reason FROM bookings")
    assert (row["status"], row["reason"]) == ("rejected", "too late")
    assert await database.pool.fetchval("SELECT count(*) FROM space_holds") == 0
    assert (await outbox_subjects(database))[-1] == "venue.evt.booking_rejected"
    await create_booking(booking(), database, CATALOG, SETTINGS, NOW)  # the slot is free again


async def test_a_booking_without_services_is_confirmed_and_announced_at_once(database):
    accepted = await create_booking(booking(), database, CATALOG, SETTINGS, NOW)
    assert accepted.status == "confirmed"
    assert await outbox_subjects(database) == ["venue.evt.booking_confirmed"]


async def test_a_silent_participant_is_compensated_after_its_deadline(database):
    from opentelemetry import trace

    from services.venue.handlers.deadlines import expire_one

    short = SagaSettings(step_timeout=timedelta(milliseconds=1))
    accepted = await create_booking(booking(interpreting=True), database, CATALOG, short, datetime.now(UTC))
    await asyncio.sleep(0.05)
    tracer = trace.get_tracer("test")
    assert await expire_one(database, CATALOG, short, tracer)  # interpreting gave no answer: release it
    state = await database.pool.fetchval("SELECT state FROM saga_steps WHERE step = 'interpreting'")
    assert state == "releasing"
    await asyncio.sleep(0.05)
    assert await expire_one(database, CATALOG, short, tracer)  # release never acknowledged: finish anyway
    row = await database.pool.fetchrow(
        "SELECT status, reason FROM bookings WHERE id = $1", accepted.booking_id
    )
    assert row["status"] == "rejected" and "did not answer" in row["reason"]
    assert not await expire_one(database, CATALOG, short, tracer)


async def test_concurrent_bookings_of_overlapping_room_combinations_never_share_a_room(database):
    spaces = ["room-a", "room-b", "room-c", "room-ab", "room-bc", "room-abc"] * 10
    attempts = [
        create_booking(booking(space, title=f"{space}{i}"), database, CATALOG, SETTINGS, NOW)
        for i, space in enumerate(spaces)
    ]
    results = await asyncio.gather(*attempts, return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    assert all(isinstance(r, SlotTaken) for r in failures), failures  # no deadlock, no other error
    units = [row["unit"] for row in await database.pool.fetch("SELECT unit FROM space_holds")]
    assert len(units) == len(set(units)) and set(units) <= {"room-a", "room-b", "room-c"}
    assert len(results) - len(failures) in (1, 2, 3)  # e.g. A + B + C, or A + BC, or ABC


async def test_participant_answers_handled_at_the_same_moment_still_confirm_the_booking(database):
    for _ in range(10):
        accepted = await create_booking(
            booking(interpreting=True, catering=True, title=str(uuid.uuid4())),
            database,
            CATALOG,
            SETTINGS,
            NOW,
        )

        async def answer(booking_id: uuid.UUID, step: str) -> None:
            async with database.transaction() as unit:
                await advance(unit, booking_id, partial(rules.on_reserved, step=step), CATALOG, SETTINGS)

        await asyncio.gather(
            answer(accepted.booking_id, "interpreting"), answer(accepted.booking_id, "catering")
        )
        status = await database.pool.fetchval(
            "SELECT status FROM bookings WHERE id = $1", accepted.booking_id
        )
        assert status == "confirmed"
        await database.pool.execute("DELETE FROM bookings")


async def test_every_change_to_a_booking_is_audited_with_its_actor(database):
    accepted = await create_booking(booking(catering=True), database, CATALOG, SETTINGS, NOW)
    async with database.transaction() as unit:
        await advance(
            unit, accepted.booking_id, partial(rules.on_reserved, step="catering"), CATALOG, SETTINGS
        )
    trail = await database.pool.fetch("SELECT actor, action FROM audit_log ORDER BY id")
    assert [(row["actor"], row["action"]) for row in trail] == [
        ("test:integration", "created"),
        ("system:saga", "confirmed"),
    ]


async def test_the_vip_hall_waits_for_staff_approval_and_a_decline_compensates(database):
    from services.venue.handlers.approvals import decide_approval
    from services.venue.handlers.errors import NotAwaitingApproval

    vip = booking("vip-hall", catering=True)
    vip = NewBooking(
        **{
            **vip.__dict__,
            "request": BookingRequest(**{**vip.request.__dict__, "layout": "boardroom", "attendees": 20}),
        }
    )
    accepted = await create_booking(vip, database, CATALOG, SETTINGS, NOW)
    subjects = await outbox_subjects(database)
    assert "venue.evt.approval_needed" in subjects and "interpreting.cmd.reserve" not in subjects
    deadline = await database.pool.fetchval("SELECT deadline FROM saga_steps WHERE step = 'approval'")
    assert deadline - NOW > timedelta(hours=47)
    async with database.transaction() as unit:  # catering answers; the booking still waits for staff
        await advance(
            unit, accepted.booking_id, partial(rules.on_reserved, step="catering"), CATALOG, SETTINGS
        )
    assert await database.pool.fetchval("SELECT status FROM bookings") == "pending"
    await decide_approval(
        database,
        accepted.booking_id,
        False,
        "VIP hall reserved for a state visit",
        "staff:x",
        CATALOG,
        SETTINGS,
    )
    row = await database.pool.fetchrow("SELECT status, phase, reason FROM bookings")
    assert row["phase"] == "compensating" and "state visit" in row["reason"]
    assert (await outbox_subjects(database))[-1] == "catering.cmd.release"
    with pytest.raises(NotAwaitingApproval):
        await decide_approval(database, accepted.booking_id, True, "", "staff:x", CATALOG, SETTINGS)


async def test_an_approved_vip_booking_is_confirmed_when_its_services_are_reserved(database):
    from services.venue.handlers.approvals import decide_approval

    vip = booking("vip-hall", catering=True)
    vip = NewBooking(
        **{
            **vip.__dict__,
            "request": BookingRequest(**{**vip.request.__dict__, "layout": "boardroom", "attendees": 20}),
        }
    )
    accepted = await create_booking(vip, database, CATALOG, SETTINGS, NOW)
    await decide_approval(database, accepted.booking_id, True, "", "staff:x", CATALOG, SETTINGS)
    async with database.transaction() as unit:
        await advance(
            unit, accepted.booking_id, partial(rules.on_reserved, step="catering"), CATALOG, SETTINGS
        )
    assert await database.pool.fetchval("SELECT status FROM bookings") == "confirmed"
    subjects = await outbox_subjects(database)
    assert "catering.cmd.confirm" in subjects and "approval" not in " ".join(subjects).replace(
        "approval_needed", ""
    )


async def test_no_staff_decision_before_the_deadline_compensates(database):
    from opentelemetry import trace

    from services.venue.handlers.deadlines import expire_one

    short = SagaSettings(step_timeout=timedelta(seconds=30), approval_timeout=timedelta(milliseconds=1))
    vip = booking("vip-hall")
    vip = NewBooking(
        **{
            **vip.__dict__,
            "request": BookingRequest(**{**vip.request.__dict__, "layout": "boardroom", "attendees": 20}),
        }
    )
    accepted = await create_booking(vip, database, CATALOG, short, datetime.now(UTC))
    await asyncio.sleep(0.05)
    assert await expire_one(database, CATALOG, short, trace.get_tracer("test"))
    row = await database.pool.fetchrow(
        "SELECT status, reason FROM bookings WHERE id = $1", accepted.booking_id
    )
    assert row["status"] == "rejected" and "did not decide" in row["reason"]
    assert await database.pool.fetchval("SELECT count(*) FROM space_holds") == 0


async def test_cancellation_fees_follow_the_tiers_and_free_everything(database):
    from services.venue.domain.cancellation import DEFAULT_TIERS
    from services.venue.handlers.cancellation import cancel_booking
    from services.venue.handlers.errors import NotCancellable

    async def price(_row) -> int:
        return 1_000_000

    expectations = [
        (timedelta(days=20), 0, 0),
        (timedelta(days=5), 50, 500_000),
        (timedelta(days=1), 100, 1_000_000),
    ]
    for day, (notice, percent, fee) in enumerate(expectations, start=2):
        accepted = await create_booking(
            booking(start=at(day, 14), end=at(day, 18), interpreting=True, catering=True),
            database,
            CATALOG,
            SETTINGS,
            NOW,
        )
        for step in ("interpreting", "catering"):
            async with database.transaction() as unit:
                await advance(
                    unit, accepted.booking_id, partial(rules.on_reserved, step=step), CATALOG, SETTINGS
                )
        when = at(day, 14) - notice
        cancelled = await cancel_booking(
            database,
            accepted.booking_id,
            "organizer:x",
            "postponed",
            when,
            CATALOG,
            SETTINGS,
            DEFAULT_TIERS,
            price,
        )
        assert (cancelled.fee_percent, cancelled.fee_minor) == (percent, fee)
        again = await cancel_booking(
            database, accepted.booking_id, "organizer:x", "", when, CATALOG, SETTINGS, DEFAULT_TIERS, price
        )
        assert again == cancelled
        row = await database.pool.fetchrow("SELECT status FROM bookings WHERE id = $1", accepted.booking_id)
        assert row["status"] == "cancelled"
    assert await database.pool.fetchval("SELECT count(*) FROM space_holds") == 0
    subjects = await outbox_subjects(database)
    assert subjects.count("venue.evt.booking_cancelled") == 3
    assert subjects.count("interpreting.cmd.release") == 3 and subjects.count("catering.cmd.release") == 3
    await create_booking(
        booking(start=at(2, 14), end=at(2, 18)), database, CATALOG, SETTINGS, NOW
    )  # free again

    rejected = await create_booking(
        booking(start=at(9, 14), end=at(9, 18), catering=True), database, CATALOG, SETTINGS, NOW
    )
    async with database.transaction() as unit:
        await advance(
            unit,
            rejected.booking_id,
            partial(rules.on_rejected, step="catering", reason="x"),
            CATALOG,
            SETTINGS,
        )
    with pytest.raises(NotCancellable):
        await cancel_booking(
            database, rejected.booking_id, "organizer:x", "", NOW, CATALOG, SETTINGS, DEFAULT_TIERS, price
        )
