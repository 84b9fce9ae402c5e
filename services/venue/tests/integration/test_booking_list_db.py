"""Finding bookings on a real PostgreSQL: filters, text search (Chinese too), keyset pages that stay
stable under inserts, organizers scoped to their own, and no sequential scan over 200,000 bookings."""

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.venue.adapters.listing import list_query
from services.venue.domain.access import Principal, Role
from services.venue.domain.listing import BookingFilter, Position, Sort, search_key
from services.venue.handlers.errors import NotPermitted
from services.venue.handlers.listing import list_bookings

pytestmark = pytest.mark.integration

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2027, 3, 1, 9, tzinfo=SHANGHAI)


async def add_organizer(database, name):
    account_id = uuid.uuid4()
    await database.pool.execute(
        "INSERT INTO accounts (id, role, name, email) VALUES ($1, 'organizer', $2, $3)",
        account_id,
        name,
        f"{account_id.hex[:8]}@example.org",
    )
    return Principal(account_id, Role.ORGANIZER, name, "x@example.org", "en", "Asia/Shanghai")


async def add_booking(database, organizer, title, starts_at, status="confirmed", space_id="room-a", **extra):
    booking_id = uuid.uuid4()
    phase = {"pending": "running"}.get(status, status)
    await database.pool.execute(
        "INSERT INTO bookings (id, request_hash, space_id, layout, starts_at, ends_at, blocked, attendees, title,"
        " organizer, status, phase, trace_id, organizer_id, series_id)"
        " VALUES ($1, '', $2, 'theater', $3, $4, tstzrange($3, $4), 10, $5, $6, $7, $8, '', $9, $10)",
        booking_id,
        space_id,
        starts_at,
        starts_at + timedelta(hours=2),
        title,
        {"name": organizer.name, "email": "x@example.org", "locale": "en", "time_zone": "Asia/Shanghai"},
        status,
        phase,
        organizer.account_id,
        extra.get("series_id"),
    )
    return booking_id


STAFF = Principal(uuid.uuid4(), Role.STAFF, "Desk", "desk@example.org", "zh-CN", "Asia/Shanghai")


async def ids(database, principal, **wanted):
    return [row["id"] for row in await list_bookings(database, principal, BookingFilter(**wanted))]


async def test_filters_search_and_scope(database):
    ann = await add_organizer(database, "Ann Example")
    wang = await add_organizer(database, "王伟")
    forum = await add_booking(database, ann, "Belt and Road Forum", T0)
    salon = await add_booking(database, ann, "Trade salon 100%_off", T0 + timedelta(days=1), "pending")
    course = await add_booking(database, wang, "培训课程 第一期", T0 + timedelta(days=2), space_id="room-b")
    await database.pool.execute(
        "INSERT INTO saga_steps (booking_id, step, position, state) VALUES ($1, 'approval', 2, 'pending')",
        salon,
    )

    assert await ids(database, STAFF) == [forum, salon, course]
    assert await ids(database, ann) == [forum, salon]  # an organizer sees their own only
    assert await ids(database, wang, text="forum") == []
    assert await ids(database, STAFF, statuses=("pending",)) == [salon]
    assert await ids(database, STAFF, space_id="room-b") == [course]
    assert await ids(database, STAFF, approval_pending=True) == [salon]
    assert await ids(database, STAFF, approval_pending=False) == [forum, course]
    assert await ids(database, STAFF, starts_from=T0 + timedelta(hours=1)) == [salon, course]
    assert await ids(database, STAFF, starts_before=T0 + timedelta(days=1)) == [forum]
    assert await ids(database, STAFF, organizer_id=wang.account_id) == [course]
    assert await ids(database, STAFF, sort=Sort.STARTS_AT_DESC) == [course, salon, forum]
    # text: the title or the organizer's name, any case; Chinese by single characters too
    assert await ids(database, STAFF, text="ROAD") == [forum]
    assert await ids(database, STAFF, text="培训") == [course]
    assert await ids(database, STAFF, text="伟") == [course]
    assert await ids(database, STAFF, text="ann ex") == [forum, salon]
    # LIKE's own characters are plain text
    assert await ids(database, STAFF, text="0%_") == [salon]
    assert await ids(database, STAFF, text="r_a") == []
    # the organizer's name as the booking was made
    await database.pool.execute("UPDATE accounts SET name = 'Annabel Renamed' WHERE id = $1", ann.account_id)
    assert await ids(database, STAFF, text="ann ex") == [forum, salon]
    rows = await list_bookings(database, STAFF, BookingFilter(text="培训"))
    assert rows[0]["organizer_name"] == "王伟" and rows[0]["approval_pending"] is False
    with pytest.raises(NotPermitted):
        await ids(database, ann, organizer_id=wang.account_id)


async def test_the_index_spells_text_as_the_api_searches_it(database):
    for text in ["Belt and Road Forum", "王伟 培训 Ⅱ", "Café ÉTÉ", "emoji 🎉 ok", "", "a\\b%c_d"]:
        assert await database.pool.fetchval("SELECT wict_search_key($1)", text) == search_key(text)


async def test_a_changed_title_is_found_by_its_new_words(database):
    ann = await add_organizer(database, "Ann Example")
    booking = await add_booking(database, ann, "Old title", T0)
    await database.pool.execute("UPDATE bookings SET title = '新标题 New' WHERE id = $1", booking)
    assert await ids(database, STAFF, text="新") == [booking]
    assert await ids(database, STAFF, text="old") == []


@pytest.mark.parametrize("sort", list(Sort))
async def test_pages_visit_every_booking_once_while_others_are_inserted(database, sort):
    ann = await add_organizer(database, "Ann Example")
    existing = {
        await add_booking(database, ann, f"Event {n}", T0 + timedelta(hours=n // 3)) for n in range(23)
    }
    seen: list[uuid.UUID] = []
    wanted = BookingFilter(sort=sort, limit=5)
    while True:
        rows = await list_bookings(database, STAFF, wanted)
        seen += [row["id"] for row in rows]
        if len(rows) < wanted.limit:
            break
        last = rows[-1]
        wanted = replace(wanted, after=Position(sort, last[sort.column], last["id"]))
        # a booking made meanwhile lands before or after the position, never shifts the pages
        await add_booking(database, ann, "Inserted", T0 - timedelta(days=1))
    assert len(seen) == len(set(seen))
    assert existing <= set(seen)


def literal(value):
    """A parameter's value as an SQL literal (EXPLAIN EXECUTE takes no bound parameters)."""
    if isinstance(value, list):
        value = "{" + ",".join(f'"{item}"' for item in value) + "}"
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    return "'" + text.replace("'", "''") + "'"


def outline(plan, depth=0):
    """The plan's nodes, one a line: what scans which relation, by which index, on which condition."""
    keys = ("Relation Name", "Index Name", "Index Cond", "Filter")
    line = "  " * depth + " ".join(
        [plan["Node Type"], *(f"{key}={plan[key]}" for key in keys if key in plan)]
    )
    return "\n".join([line, *(outline(child, depth + 1) for child in plan.get("Plans", []))])


def plan_nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)


SEED_ORGANIZERS = """
INSERT INTO accounts (id, role, name, email)
SELECT gen_random_uuid(), 'organizer', CASE WHEN i % 3 = 0 THEN '王' || i ELSE 'Organizer ' || i END,
       'o' || i || '@example.org'
FROM generate_series(1, 500) AS i
"""
SEED_BOOKINGS = """
WITH o AS (SELECT array_agg(id ORDER BY email) AS ids FROM accounts WHERE role = 'organizer'),
     s AS (SELECT $1::uuid AS series_id)
INSERT INTO bookings (id, request_hash, space_id, layout, starts_at, ends_at, blocked, attendees, title, organizer,
                      status, phase, trace_id, organizer_id, series_id, created_at)
SELECT gen_random_uuid(), '', (ARRAY['room-a', 'room-b', 'room-c', 'multifunctional-hall', 'vip-hall'])[1 + i % 5],
       'theater', t, t + interval '2 hours', tstzrange(t - interval '30 minutes', t + interval '150 minutes'), 10,
       CASE WHEN i % 7 = 0 THEN '培训课程 ' || i ELSE 'Forum number ' || i END,
       jsonb_build_object('name', 'Org ' || i % 500, 'email', 'x@example.org', 'locale', 'en',
                          'time_zone', 'Asia/Shanghai'),
       st, CASE st WHEN 'pending' THEN 'running' ELSE st END, '', o.ids[1 + i % 500],
       CASE WHEN i % 2000 = 0 THEN s.series_id END, timestamptz '2026-01-01' + i * interval '1 minute'
FROM generate_series(1, 200000) AS i, o, s,
     LATERAL (SELECT timestamptz '2027-01-01 08:00+08' + (i % 40000) * interval '1 hour' AS t,
                     (ARRAY['pending', 'confirmed', 'confirmed', 'confirmed', 'cancelled', 'rejected'])[1 + i % 6] AS st)
             AS v
"""


async def test_lists_use_no_sequential_scan_over_200000_bookings(database):
    pool = database.pool
    series_id = uuid.uuid4()
    await pool.execute(SEED_ORGANIZERS)
    organizer_id = await pool.fetchval(
        "SELECT id FROM accounts WHERE role = 'organizer' ORDER BY email LIMIT 1"
    )
    await pool.execute(
        "INSERT INTO booking_series (id, organizer_id, created_by, rrule, time_zone, mode, space_id, title)"
        " VALUES ($1, $2, 'test', 'FREQ=WEEKLY;COUNT=1', 'Asia/Shanghai', 'skip_conflicts', 'room-a', 'x')",
        series_id,
        organizer_id,
    )
    await pool.execute(SEED_BOOKINGS, series_id, timeout=600)
    await pool.execute(
        "INSERT INTO saga_steps (booking_id, step, position, state)"
        " SELECT id, 'approval', 2, 'pending' FROM bookings WHERE status = 'pending' AND space_id = 'vip-hall'"
    )
    await pool.execute("ANALYZE")
    assert await pool.fetchval("SELECT count(*) FROM bookings") == 200_000
    some = await pool.fetchrow(
        "SELECT id, starts_at, created_at FROM bookings ORDER BY starts_at, id OFFSET 1000"
    )
    after = Position(Sort.STARTS_AT, some["starts_at"], some["id"])
    wanted = [
        BookingFilter(),
        *(BookingFilter(sort=sort) for sort in Sort),
        BookingFilter(after=after),
        BookingFilter(
            sort=Sort.CREATED_AT_DESC, after=Position(Sort.CREATED_AT_DESC, some["created_at"], some["id"])
        ),
        BookingFilter(statuses=("pending",)),
        BookingFilter(statuses=("confirmed", "cancelled"), sort=Sort.STARTS_AT_DESC),
        BookingFilter(space_id="vip-hall"),
        BookingFilter(
            starts_from=datetime(2029, 1, 1, tzinfo=UTC), starts_before=datetime(2029, 2, 1, tzinfo=UTC)
        ),
        BookingFilter(text="forum number 1234"),
        BookingFilter(text="培训"),
        BookingFilter(text="王1"),
        BookingFilter(text="nothing like this"),
        BookingFilter(approval_pending=True),
        BookingFilter(series_id=series_id),
        BookingFilter(organizer_id=organizer_id),
        BookingFilter(organizer_id=organizer_id, sort=Sort.CREATED_AT_DESC, text="forum"),
        BookingFilter(organizer_id=organizer_id, statuses=("confirmed",), after=after),
        BookingFilter(limit=1000),
    ]
    async with pool.acquire() as connection:
        for one in wanted:
            sql, arguments = list_query(one)
            await connection.execute(f"PREPARE listed AS {sql}")
            values = ", ".join(literal(argument) for argument in arguments)
            # asyncpg prepares statements, so PostgreSQL may switch to a generic plan: check both kinds
            for mode in ("force_custom_plan", "force_generic_plan"):
                await connection.execute(f"SET plan_cache_mode = {mode}")
                explained = await connection.fetchval(f"EXPLAIN (FORMAT JSON) EXECUTE listed({values})")
                explained = json.loads(explained) if isinstance(explained, str) else explained
                nodes = list(plan_nodes(explained[0]["Plan"]))
                scans = [
                    n for n in nodes if n["Node Type"] == "Seq Scan" and n.get("Relation Name") == "bookings"
                ]
                assert scans == [], (mode, one, outline(explained[0]["Plan"]))
            await connection.execute("DEALLOCATE listed")
