"""The recipient registry: vendors and staff from ``recipients.json``, organizers from the events."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import asyncpg
import msgspec

from services.notify.domain.channels import SIGNAGE_KEY, Contact, Endpoint, organizer_key
from shared.contracts import Organizer

RECIPIENTS_PATH = Path(__file__).resolve().parent.parent / "recipients.json"


class VendorEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    vendor_id: str
    kind: str
    name: str
    email: str
    phone: str = ""
    locale: str = "zh-CN"
    time_zone: str = "Asia/Shanghai"


class StaffEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    staff_id: str
    name: str
    email: str
    phone: str = ""
    locale: str = "zh-CN"
    time_zone: str = "Asia/Shanghai"


class Directory(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    vendors: list[VendorEntry]
    staff: list[StaffEntry]


def load_directory(path: Path = RECIPIENTS_PATH) -> Directory:
    return msgspec.json.decode(path.read_bytes(), type=Directory)


_UPSERT = """
INSERT INTO recipients (key, kind, name, email, phone, locale, time_zone, vendor_kind)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
    locale = EXCLUDED.locale, time_zone = EXCLUDED.time_zone, vendor_kind = EXCLUDED.vendor_kind, updated_at = now()
"""


async def seed(connection: asyncpg.Connection, directory: Directory) -> int:
    """Upsert every vendor and staff member of the data file (the file is the truth for them)."""
    rows: list[tuple[str | None, ...]] = [
        (f"vendor:{v.vendor_id}", "vendor", v.name, v.email, v.phone, v.locale, v.time_zone, v.kind)
        for v in directory.vendors
    ]
    rows += [
        (f"staff:{s.staff_id}", "staff", s.name, s.email, s.phone, s.locale, s.time_zone, None)
        for s in directory.staff
    ]
    await connection.executemany(_UPSERT, rows)
    return len(rows)


# a booking event's organizer is a snapshot taken when the booking was made: once the organizer's account
# has spoken (``account_id`` set), their account events alone keep the contact
_UPSERT_ORGANIZER = """
INSERT INTO recipients (key, kind, name, email, phone, locale, time_zone, contact_at)
VALUES ($1, 'organizer', $2, $3, $4, $5, $6, $7)
ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
    locale = EXCLUDED.locale, time_zone = EXCLUDED.time_zone, contact_at = EXCLUDED.contact_at, updated_at = now()
WHERE recipients.contact_at <= EXCLUDED.contact_at AND recipients.account_id IS NULL
"""
_UPSERT_ACCOUNT_CONTACT = """
INSERT INTO recipients (key, kind, name, email, phone, locale, time_zone, contact_at, account_id)
VALUES ($1, 'organizer', $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
    locale = EXCLUDED.locale, time_zone = EXCLUDED.time_zone, contact_at = EXCLUDED.contact_at,
    account_id = EXCLUDED.account_id, updated_at = now()
WHERE recipients.account_id IS NULL OR recipients.contact_at <= EXCLUDED.contact_at
"""


async def upsert_organizer(connection: asyncpg.Connection, organizer: Organizer, at: datetime) -> Contact:
    """The organizer as the newest event describes them (an older event does not undo a newer one)."""
    key = organizer_key(organizer.email)
    await connection.execute(
        _UPSERT_ORGANIZER,
        key,
        organizer.name,
        organizer.email.strip(),
        organizer.phone,
        organizer.locale,
        organizer.time_zone,
        at,
    )
    found = await contact(connection, key)
    assert found is not None
    return found


async def upsert_account_contact(
    connection: asyncpg.Connection, account_id: uuid.UUID, person: Organizer, at: datetime
) -> None:
    """The organizer as their account now describes them (newer than any booking's snapshot)."""
    await connection.execute(
        _UPSERT_ACCOUNT_CONTACT,
        organizer_key(person.email),
        person.name,
        person.email.strip(),
        person.phone,
        person.locale,
        person.time_zone,
        at,
        account_id,
    )


async def ensure_organizer(connection: asyncpg.Connection, key: str) -> None:
    """Make an organizer known before their first booking (e.g. to register a webhook)."""
    await connection.execute(
        "INSERT INTO recipients (key, kind, email) VALUES ($1, 'organizer', $2) ON CONFLICT DO NOTHING",
        key,
        key.removeprefix("organizer:"),
    )


def _contact(row: asyncpg.Record) -> Contact:
    return Contact(
        key=row["key"],
        kind=row["kind"],
        name=row["name"],
        email=row["email"],
        phone=row["phone"],
        locale=row["locale"],
        time_zone=row["time_zone"],
    )


async def contact(connection: asyncpg.Connection, key: str) -> Contact | None:
    row = await connection.fetchrow("SELECT * FROM recipients WHERE key = $1", key)
    return _contact(row) if row else None


async def contacts(connection: asyncpg.Connection, keys: list[str]) -> list[Contact]:
    rows = await connection.fetch("SELECT * FROM recipients WHERE key = ANY($1::text[]) ORDER BY key", keys)
    return [_contact(row) for row in rows]


async def staff(connection: asyncpg.Connection) -> list[Contact]:
    rows = await connection.fetch(
        "SELECT * FROM recipients WHERE kind = 'staff' AND key <> $1 ORDER BY key", SIGNAGE_KEY
    )  # the signage systems hear urgent notices only
    return [_contact(row) for row in rows]


async def opted_out(connection: asyncpg.Connection, key: str) -> set[str]:
    rows = await connection.fetch(
        "SELECT channel FROM channel_preferences WHERE recipient_key = $1 AND NOT non_essential", key
    )
    return {row["channel"] for row in rows}


_REACH = """
SELECT array(SELECT id FROM webhook_endpoints WHERE recipient_key = $1 AND state = 'active' ORDER BY created_at),
       array(SELECT channel FROM channel_preferences WHERE recipient_key = $1 AND NOT non_essential)
"""


async def reach(connection: asyncpg.Connection, key: str) -> tuple[list[Endpoint], set[str]]:
    """``active_endpoints`` and ``opted_out`` of one recipient, in one round trip (every notice asks)."""
    endpoints, opted_out = await connection.fetchrow(_REACH, key)
    return [Endpoint(endpoint_id) for endpoint_id in endpoints], set(opted_out)


async def active_endpoints(connection: asyncpg.Connection, key: str) -> list[Endpoint]:
    rows = await connection.fetch(
        "SELECT id FROM webhook_endpoints WHERE recipient_key = $1 AND state = 'active' ORDER BY created_at",
        key,
    )
    return [Endpoint(row["id"]) for row in rows]


async def preferences(connection: asyncpg.Connection, key: str) -> dict[str, bool]:
    rows = await connection.fetch(
        "SELECT channel, non_essential FROM channel_preferences WHERE recipient_key = $1", key
    )
    return {row["channel"]: row["non_essential"] for row in rows}


async def set_preference(connection: asyncpg.Connection, key: str, channel: str, non_essential: bool) -> None:
    await connection.execute(
        "INSERT INTO channel_preferences (recipient_key, channel, non_essential) VALUES ($1, $2, $3)"
        " ON CONFLICT (recipient_key, channel) DO UPDATE SET non_essential = $3, updated_at = now()",
        key,
        channel,
        non_essential,
    )
