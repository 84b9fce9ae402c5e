"""A fresh notify database per test, migrated and seeded; sample events with unique recipients."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from deploy.embedded.stack import Stack
from services.notify.adapters import recipients
from services.notify.domain.templates import load_templates
from services.notify.handlers.telling import Notifier
from shared.contracts import BookingConfirmed, BookingRejected, Organizer, VendorTaskAssigned
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
SENDER = "WICT Venue <bookings@wict.example>"


@pytest.fixture
async def database(migrated_database: Callable[[str, Path], Awaitable[str]]) -> AsyncIterator[Database]:
    pool = await create_pool(await migrated_database("notify", MIGRATIONS), size=8)
    await apply_migrations(pool, "notify", MIGRATIONS)
    async with pool.acquire() as connection:
        await recipients.seed(connection, recipients.load_directory())
    try:
        yield Database(pool)
    finally:
        await pool.close()


@pytest.fixture(scope="session")
def notifier() -> Notifier:
    return Notifier(load_templates(), ZoneInfo("Asia/Shanghai"))


class Clock:
    """A clock the test moves, so backoff and reminders are exercised without waiting for them."""

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def unique_address() -> str:
    return f"organizer-{uuid.uuid4().hex[:12]}@example.org"


def organizer(email: str | None = None, locale: str = "en", time_zone: str = "Europe/Berlin") -> Organizer:
    return Organizer(name="Anna Weber", email=email or unique_address(), locale=locale, time_zone=time_zone)


def confirmed(
    email: str | None = None,
    locale: str = "en",
    booking_id: uuid.UUID | None = None,
    starts_at: datetime = datetime(2027, 3, 2, 6, tzinfo=UTC),
    hours: int = 4,
) -> BookingConfirmed:
    return BookingConfirmed(
        booking_id=booking_id or uuid.uuid4(),
        title="Destination Malaysia roadshow",
        space_id="multifunctional-hall",
        space_name="Multifunctional Hall",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        organizer=organizer(email, locale),
        services=["interpreting"],
    )


def rejected(email: str | None = None, locale: str = "zh-CN") -> BookingRejected:
    return BookingRejected(
        booking_id=uuid.uuid4(),
        title="Trade salon",
        space_id="vip-hall",
        space_name="VIP厅",
        starts_at=datetime(2027, 3, 28, 6, tzinfo=UTC),
        ends_at=datetime(2027, 3, 28, 10, tzinfo=UTC),
        organizer=Organizer(
            name="李华", email=email or unique_address(), locale=locale, time_zone="Asia/Shanghai"
        ),
        reason="staff did not approve the VIP Hall for that day",
    )


def assigned(
    booking_id: uuid.UUID,
    vendor_id: str = "agency-yangtze",
    kind: str = "interpreting",
    starts_at: datetime = datetime(2027, 3, 2, 6, tzinfo=UTC),
    hours: int = 4,
) -> VendorTaskAssigned:
    return VendorTaskAssigned(
        booking_id=booking_id,
        task_id=f"{kind}-{booking_id}-{vendor_id}",
        kind=kind,
        vendor_id=vendor_id,
        space_id="multifunctional-hall",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        load_in_at=starts_at - timedelta(minutes=30),
        load_out_at=starts_at + timedelta(hours=hours, minutes=30),
        summary="Simultaneous interpretation en→zh in multifunctional-hall: 2 interpreter(s) in booth(s) fixed-1",
    )


def mail_to(infra: Stack, address: str) -> list[EmailMessage]:
    """What the SMTP sink received for ``address`` (the sink is shared by the whole session)."""
    return [message for message in infra.smtp.messages() if message["To"] == address]
