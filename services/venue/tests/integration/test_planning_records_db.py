"""Planning tasks, activity records and the performance sheet, and calendars, on a real PostgreSQL."""

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.venue.domain.access import Role
from services.venue.domain.catalog import load_catalog
from services.venue.domain.planning import TaskStatus
from services.venue.handlers import planning, records
from services.venue.handlers.calendars import booking_calendar, space_feed
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.tests.integration.addon_support import (
    audit_actions,
    insert_booking,
    new_account,
)

pytestmark = pytest.mark.integration

CATALOG = load_catalog()
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime.now(UTC)


def on(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def figures(physical=100, online=1000, countries=("AU",), media=3, partners=(), actions=()):
    return records.ActivityFigures(physical, online, list(countries), media, list(partners), list(actions))


async def test_a_planning_request_becomes_a_staff_task_tracked_on_the_booking(database):
    ann, bob = (
        await new_account(database.pool, Role.ORGANIZER),
        await new_account(database.pool, Role.ORGANIZER),
    )
    sam, ops = (
        await new_account(database.pool, Role.STAFF, "Sam"),
        await new_account(database.pool, Role.OPS, "Oz"),
    )
    booking_id = await insert_booking(
        database.pool, ann, NOW + timedelta(days=30), NOW + timedelta(days=30, hours=3)
    )
    task = await planning.request_planning(
        database, ann, booking_id, "A lion dance at the opening?", None, "t1"
    )
    assert (task["status"], task["contact_language"], task["assignee_id"]) == ("open", "en", None)
    with pytest.raises(NotFound):
        await planning.request_planning(database, bob, booking_id, "mine now", "de", "t2")
    with pytest.raises(NotFound):
        await planning.planning_requests(database, bob, booking_id)
    assert [t["id"] for t in await planning.tasks(database, TaskStatus.OPEN, 100)] == [task["id"]]

    change = planning.TaskChange(
        status=TaskStatus.IN_PROGRESS, assignee_id=sam.account_id, notes="called them"
    )
    moved = await planning.change_task(database, sam, task["id"], change, "t3")
    assert (moved["status"], moved["assignee_id"], moved["notes"]) == (
        "in_progress",
        sam.account_id,
        "called them",
    )
    kept = await planning.change_task(
        database, sam, task["id"], planning.TaskChange(status=TaskStatus.DONE), "t4"
    )
    assert (kept["assignee_id"], kept["notes"]) == (sam.account_id, "called them")  # left out: unchanged
    with pytest.raises(Conflict):
        await planning.change_task(
            database, sam, task["id"], planning.TaskChange(status=TaskStatus.OPEN), "t5"
        )
    for not_staff in (ann.account_id, ops.account_id, uuid.uuid4()):
        with pytest.raises(Invalid):
            await planning.change_task(
                database, sam, task["id"], planning.TaskChange(assignee_id=not_staff), "t6"
            )
    unassigned = await planning.change_task(
        database, sam, task["id"], planning.TaskChange(assignee_id=None), "t7"
    )
    assert unassigned["assignee_id"] is None
    with pytest.raises(NotFound):
        await planning.change_task(database, sam, uuid.uuid4(), planning.TaskChange(), "t8")
    assert await planning.tasks(database, TaskStatus.OPEN, 100) == []
    assert [t["status"] for t in await planning.planning_requests(database, ann, booking_id)] == ["done"]
    assert (
        await audit_actions(database.pool, booking_id)
        == ["planning_requested"] + ["planning_task_updated"] * 3
    )


async def test_no_planning_for_a_booking_that_will_not_take_place(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    rejected = await insert_booking(
        database.pool, ann, NOW + timedelta(days=9), NOW + timedelta(days=9, hours=2), status="rejected"
    )
    with pytest.raises(Conflict):
        await planning.request_planning(database, ann, rejected, "help", "zh-CN", "t")
    assert await audit_actions(database.pool, rejected) == []


async def test_a_record_is_only_for_a_confirmed_event_that_has_ended(database):
    ann, bob = (
        await new_account(database.pool, Role.ORGANIZER),
        await new_account(database.pool, Role.ORGANIZER),
    )
    sam = await new_account(database.pool, Role.STAFF, "Sam")
    past = await insert_booking(database.pool, ann, NOW - timedelta(days=3, hours=4), NOW - timedelta(days=3))
    future = await insert_booking(
        database.pool, ann, NOW + timedelta(days=3), NOW + timedelta(days=3, hours=4)
    )
    pending = await insert_booking(
        database.pool, ann, NOW - timedelta(days=5, hours=2), NOW - timedelta(days=5), status="pending"
    )
    for booking_id in (future, pending):
        with pytest.raises(Conflict):
            await records.save_record(database, ann, booking_id, figures(), NOW, "t")
    with pytest.raises(NotFound):
        await records.save_record(database, bob, past, figures(), NOW, "t")
    with pytest.raises(Invalid) as invalid:
        await records.save_record(database, ann, past, figures(countries=("AU", "ZZ")), NOW, "t")
    assert [v.field for v in invalid.value.violations] == ["guest_countries[1]"]
    with pytest.raises(NotFound):
        await records.get_record(database, ann, past)

    saved = await records.save_record(database, ann, past, figures(countries=("au", "MY", "AU")), NOW, "t")
    assert saved["guest_countries"] == ["AU", "MY"]
    corrected = await records.save_record(
        database, sam, past, figures(physical=120, partners=("Tourism Malaysia",)), NOW, "t"
    )
    assert (corrected["physical_attendees"], corrected["recorded_by"]) == (120, sam.actor)
    assert (await records.get_record(database, ann, past))["cooperation_partners"] == ["Tourism Malaysia"]
    with pytest.raises(NotFound):
        await records.get_record(database, bob, past)
    assert await audit_actions(database.pool, past) == ["activity_recorded", "activity_recorded"]


async def test_the_performance_sheet_adds_up_the_period_and_counts_countries_and_partners_once(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    today = NOW.astimezone(SHANGHAI).date()
    first_day, last_day = today - timedelta(days=40), today - timedelta(days=1)

    async def event(days_ago: int, status: str = "confirmed") -> uuid.UUID:
        day = today - timedelta(days=days_ago)
        return await insert_booking(database.pool, ann, on(day, 9), on(day, 12), status=status, units=())

    forum, promotion, salon = await event(30), await event(20), await event(10)
    await event(5, "rejected")
    await event(5, "cancelled")
    before_period = await event(41)
    await records.save_record(
        database,
        ann,
        forum,
        figures(200, 15000, ("AU", "MY"), 120, ("Tourism Australia", "Tourism Malaysia")),
        NOW,
        "t",
    )
    await records.save_record(
        database,
        ann,
        promotion,
        figures(150, 9000, ("MY", "SG", "CA"), 80, ("tourism malaysia", "Destination Canada")),
        NOW,
        "t",
    )
    await records.save_record(
        database, ann, before_period, figures(999, 999, ("DE",), 999, ("Outside",)), NOW, "t"
    )
    sheet = await records.performance_sheet(database, first_day, last_day, SHANGHAI, NOW)
    assert dict(sheet) == {
        "events_held": 3,  # the salon counts without a record; rejected, cancelled and earlier ones do not
        "events_recorded": 2,
        "guests": 350,
        "online_attendance": 24000,
        "media_reports": 200,
        "countries": ["AU", "CA", "MY", "SG"],
        "cooperation_partners": 3,
    }
    assert salon  # held, not recorded
    empty = await records.performance_sheet(
        database, today + timedelta(days=1), today + timedelta(days=30), SHANGHAI, NOW
    )
    assert (empty["events_held"], empty["guests"], empty["countries"]) == (0, 0, [])
    with pytest.raises(Invalid):
        await records.performance_sheet(database, last_day, first_day, SHANGHAI, NOW)


async def test_calendars_show_the_booking_and_the_spaces_busy_blocks_only(database):
    ann, bob = (
        await new_account(database.pool, Role.ORGANIZER),
        await new_account(database.pool, Role.ORGANIZER),
    )
    day = (NOW + timedelta(days=20)).astimezone(SHANGHAI).date()
    room_b = await insert_booking(
        database.pool,
        ann,
        on(day, 14),
        on(day, 18),
        status="pending",
        space_id="room-b",
        units=("room-b",),
        title="Salon; VIP, private",
    )
    await insert_booking(
        database.pool, ann, on(day, 9), on(day, 11), status="rejected", space_id="room-a", units=("room-a",)
    )
    await insert_booking(
        database.pool, ann, on(day, 9), on(day, 11), status="confirmed", space_id="room-c", units=("room-c",)
    )
    far = (NOW + timedelta(days=400)).astimezone(SHANGHAI).date()
    await insert_booking(database.pool, ann, on(far, 9), on(far, 11), space_id="room-b", units=("room-b",))

    text = await booking_calendar(database, ann, CATALOG, room_b, NOW)
    assert f"UID:{room_b}@wict\r\n" in text and "STATUS:TENTATIVE\r\n" in text
    assert "SUMMARY:Salon\\; VIP\\, private\r\n" in text and "LOCATION:Conference Room B\r\n" in text
    with pytest.raises(NotFound):
        await booking_calendar(database, bob, CATALOG, room_b, NOW)

    feed = await space_feed(database, CATALOG, "room-ab", NOW)  # A+B is busy while B is
    assert feed.count("BEGIN:VEVENT") == 1 and "SUMMARY:Booked\r\n" in feed
    start, end = (
        on(day, 14) - timedelta(minutes=30),
        on(day, 18) + timedelta(minutes=30),
    )  # setup and teardown
    assert f"DTSTART:{start.astimezone(UTC):%Y%m%dT%H%M%SZ}\r\n" in feed
    assert f"DTEND:{end.astimezone(UTC):%Y%m%dT%H%M%SZ}\r\n" in feed
    assert "Salon" not in feed and str(room_b) not in feed and ann.email not in feed
    assert (await space_feed(database, CATALOG, "room-abc", NOW)).count("BEGIN:VEVENT") == 2  # B and C
    with pytest.raises(NotFound):
        await space_feed(database, CATALOG, "moon-base", NOW)
