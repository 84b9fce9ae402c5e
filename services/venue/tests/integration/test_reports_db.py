"""The reports on a real PostgreSQL equal what the seeded bookings say, computed here another way:
utilisation by stepping through every half hour of the month, the rest by adding up the seeds."""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.venue.domain.booking import Interval
from services.venue.domain.catalog import load_catalog
from services.venue.domain.rates import load_rate_card
from services.venue.handlers.reports import booking_figures, utilisation_report

pytestmark = pytest.mark.integration

CATALOG = load_catalog()
RATES = load_rate_card()
Z = ZoneInfo("Asia/Shanghai")
JUNE = Interval(datetime(2027, 6, 1, tzinfo=Z), datetime(2027, 7, 1, tzinfo=Z))


def at(month, day, hour):
    return datetime(2027, month, day, hour, tzinfo=Z)


@dataclass
class Seed:
    space_id: str
    status: str
    starts_at: datetime
    ends_at: datetime
    buffer_minutes: int = 30
    country: str | None = None
    quote: int | None = None
    fee: int = 0
    interpreting: dict | None = None
    catering: dict | None = None
    lines: int = 0
    units: list = field(default_factory=list)

    def __post_init__(self):
        self.units = CATALOG.space(self.space_id).units
        self.blocked = Interval(
            self.starts_at - timedelta(minutes=self.buffer_minutes),
            self.ends_at + timedelta(minutes=self.buffer_minutes),
        )


SEEDS = [
    Seed("room-a", "confirmed", at(6, 2, 9), at(6, 2, 12), country="AU", quote=300_000),
    Seed(
        "room-ab",
        "confirmed",
        at(6, 3, 14),
        at(6, 3, 18),
        45,
        "MY",
        500_000,
        interpreting={"floor_language": "en", "target_languages": ["zh", "ms"]},
        catering={"menu": "western-buffet", "headcount": 80},
        lines=2,
    ),
    Seed(
        "multifunctional-hall",
        "confirmed",
        at(6, 10, 10),
        at(6, 12, 16),
        country="CN",
        quote=2_400_000,
        catering={"menu": "tea-break", "headcount": 200},
    ),
    Seed("room-c", "cancelled", at(6, 20, 9), at(6, 20, 11), country="AU", fee=12_345),
    Seed("room-a", "pending", at(6, 21, 9), at(6, 21, 11)),
    Seed("room-b", "rejected", at(6, 22, 9), at(6, 22, 11), country="SG"),
    Seed("vip-hall", "confirmed", at(6, 30, 20), at(7, 1, 10), country="CA"),  # runs into July, no quote
    Seed("room-c", "confirmed", at(5, 31, 20), at(6, 1, 12), country="CN", quote=1),  # began in May
]
CLOSURE = ("room-c", at(6, 15, 8), at(6, 15, 22))


async def seed(pool):
    organizers = {}
    for country in {s.country for s in SEEDS}:
        organizers[country] = account_id = uuid.uuid4()
        await pool.execute(
            "INSERT INTO accounts (id, role, name, email, country) VALUES ($1, 'organizer', 'O', $2, $3)",
            account_id,
            f"{account_id.hex[:8]}@example.org",
            country,
        )
    for s in SEEDS:
        booking_id = uuid.uuid4()
        phase = {"pending": "running"}.get(s.status, s.status)
        await pool.execute(
            "INSERT INTO bookings (id, request_hash, space_id, layout, starts_at, ends_at, blocked, attendees, title,"
            " organizer, interpreting, catering, status, phase, trace_id, organizer_id, fee_minor)"
            " VALUES ($1, '', $2, 'theater', $3, $4, tstzrange($5, $6), 50, 'Event', '{}', $7, $8, $9, $10, '', $11,"
            " $12)",
            booking_id,
            s.space_id,
            s.starts_at,
            s.ends_at,
            s.blocked.starts_at,
            s.blocked.ends_at,
            s.interpreting,
            s.catering,
            s.status,
            phase,
            organizers[s.country],
            s.fee or None,
        )
        if s.quote is not None:
            quote_id = uuid.uuid4()
            await pool.execute(
                "INSERT INTO quotes (id, owner_id, space_id, starts_at, ends_at, request, items, total_minor,"
                " currency, valid_until) VALUES ($1, $2, $3, $4, $5, '{}', '[]', $6, 'CNY', $5)",
                quote_id,
                organizers[s.country],
                s.space_id,
                s.starts_at,
                s.ends_at,
                s.quote,
            )
            await pool.execute("INSERT INTO booking_quotes VALUES ($1, $2)", booking_id, quote_id)
        for n in range(s.lines):
            await pool.execute(
                "INSERT INTO network_line_holds VALUES ($1, $2, tstzrange($3, $4))",
                booking_id,
                f"line-{n}",
                s.blocked.starts_at,
                s.blocked.ends_at,
            )
    closure_id, (unit, starts, ends) = uuid.uuid4(), CLOSURE
    await pool.execute(
        "INSERT INTO closures (id, space_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4, 'Repairs')",
        closure_id,
        unit,
        starts,
        ends,
    )
    await pool.execute(
        "INSERT INTO closure_blocks VALUES ($1, $2, tstzrange($3, $4))", closure_id, unit, starts, ends
    )


def expected_utilisation():
    """Every half hour of June on every physical space: open (not closed), booked by a confirmed event."""
    rows = {}
    physical = [space.id for space in CATALOG.spaces if space.units == [space.id]]
    confirmed = [s for s in SEEDS if s.status == "confirmed"]
    for unit in physical:
        open_slots = booked_slots = 0
        slot = JUNE.starts_at
        while slot < JUNE.ends_at:
            local = slot.astimezone(Z).time()
            closed = CLOSURE[0] == unit and CLOSURE[1] <= slot < CLOSURE[2]
            if time(8) <= local < time(22) and not closed:
                open_slots += 1
                booked_slots += any(unit in s.units and s.starts_at <= slot < s.ends_at for s in confirmed)
            slot += timedelta(minutes=30)
        buffers = sum(
            max(timedelta(), min(edge_end, JUNE.ends_at) - max(edge_start, JUNE.starts_at)).total_seconds()
            for s in confirmed
            if unit in s.units
            for edge_start, edge_end in ((s.blocked.starts_at, s.starts_at), (s.ends_at, s.blocked.ends_at))
        )
        rows[unit] = (
            open_slots / 2,
            booked_slots / 2,
            round(buffers / 3600, 2),
            round(booked_slots / open_slots, 4),
        )
    return rows


async def test_utilisation_equals_the_half_hours_the_bookings_take(database):
    await seed(database.pool)
    rows = await utilisation_report(database, CATALOG, JUNE)
    assert {row.month for row in rows} == {"2027-06"}
    got = {
        row.space_id: (row.hours_open, row.hours_booked, row.hours_buffers, row.utilisation) for row in rows
    }
    assert got == expected_utilisation()
    assert got["room-a"][1] == 3 + 4  # its own booking and the one of rooms A+B
    assert got["room-c"][0] == 30 * 14 - 14  # the closed day
    assert got["room-c"][1] == 4  # June's part of the event begun in May


async def test_status_country_revenue_and_addons_equal_the_bookings(database):
    await seed(database.pool)
    figures = await booking_figures(database, CATALOG, RATES, JUNE, datetime.now(Z))
    in_june = [s for s in SEEDS if JUNE.starts_at <= s.starts_at < JUNE.ends_at]
    statuses = {row.status: row.bookings for row in figures.by_status}
    for status in statuses:
        assert statuses[status] == sum(s.status == status for s in in_june)
    countries = {row.country: row for row in figures.by_country}
    assert set(countries) == {s.country or "unknown" for s in in_june}
    for country, row in countries.items():
        mine = [s for s in in_june if (s.country or "unknown") == country]
        assert row.bookings == len(mine)
        assert (row.confirmed, row.cancelled, row.pending) == tuple(
            sum(s.status == status for s in mine) for status in ("confirmed", "cancelled", "pending")
        )
    vip_by_rate_card = 2 * RATES.spaces["vip-hall"].half_day  # two days of 2 h each within opening hours
    confirmed = [s for s in in_june if s.status == "confirmed"]
    (june,) = figures.revenue
    assert june.month == "2027-06" and june.confirmed == len(confirmed)
    assert june.quoted_revenue_minor == sum(s.quote for s in confirmed if s.quote) + vip_by_rate_card
    assert (june.cancellations, june.cancellation_fees_minor) == (1, 12_345)
    uptake = {(row.addon, row.item): (row.bookings, row.quantity, row.unit) for row in figures.addons}
    assert uptake == {
        ("interpreting", "ms"): (1, 4.0, "hours"),
        ("interpreting", "zh"): (1, 4.0, "hours"),
        ("catering", "tea-break"): (1, 200, "covers"),
        ("catering", "western-buffet"): (1, 80, "covers"),
        ("network_lines", "international line"): (1, 2, "lines"),
    }
