"""Urgent broadcasts: a staff notice to every organizer and vendor with an event in a time window."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg
import msgspec

from services.notify.adapters import bookings, broadcasts, recipients
from services.notify.adapters.bookings import Involvement
from services.notify.domain.broadcast import (
    Notice,
    channel_outcome,
    channel_totals,
    notice_for,
    recipient_state,
    totals,
)
from services.notify.domain.channels import Contact
from services.notify.domain.wording import Reader
from services.notify.handlers.telling import Notifier, Telling, Variables, tell_one
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


def _variables(
    notices: dict[str, Notice], events: list[Involvement], window: tuple[datetime, datetime]
) -> Variables:
    def build(reader: Reader, contact: Contact) -> dict[str, str]:
        _, notice = notice_for(notices, contact.locale)
        lines = [reader.event_line(event.title, event.starts_at, event.ends_at) for event in events]
        return {
            "recipient_name": contact.name,
            "headline": notice.headline,
            "message": notice.message,
            "affected": "\n".join(lines),
            "window": reader.window(*window),
            "venue_name": reader.style.venue_name,
        }

    return build


async def send_broadcast(
    unit: UnitOfWork,
    notifier: Notifier,
    broadcast_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    notices: dict[str, Notice],
) -> int:
    """Record the broadcast and one essential notice per recipient on all their channels; how many."""
    connection = unit.connection
    involved: dict[str, list[Involvement]] = defaultdict(list)
    for involvement in await bookings.involved_between(connection, starts_at, ends_at):
        involved[involvement.recipient_key].append(involvement)
    audience = await recipients.contacts(connection, sorted(involved))
    await broadcasts.create(
        connection, broadcast_id, starts_at, ends_at, msgspec.to_builtins(notices), len(audience)
    )
    for contact in audience:
        events = involved[contact.key]
        data = {
            "broadcast_id": str(broadcast_id),
            "window": [starts_at, ends_at],
            "notices": msgspec.to_builtins(notices),
            "bookings": [str(e.booking_id) for e in events],
        }
        variables = _variables(notices, events, (starts_at, ends_at))
        telling = Telling(broadcast_id, "urgent_broadcast", None, variables, data, record_unreachable=True)
        await tell_one(connection, notifier, telling, contact)
    fields = {"broadcast_id": str(broadcast_id), "recipients": len(audience)}
    log.warning("urgent broadcast queued", extra={"fields": fields})
    return len(audience)


@dataclass(frozen=True)
class RecipientReport:
    recipient: str
    kind: str
    state: str
    channels: list[dict[str, Any]]


@dataclass(frozen=True)
class BroadcastReport:
    broadcast: asyncpg.Record
    totals: dict[str, int]
    recipients: list[RecipientReport]
    channels: dict[str, dict[str, int]]


def _outcome(row: asyncpg.Record) -> str:
    return channel_outcome(row["channel"], row["state"], row["receipt"])


def _for_recipient_state(row: asyncpg.Record) -> tuple[str, str]:
    outcome = _outcome(row)
    return row["channel"], "sent" if outcome == "delivered" else outcome


async def broadcast_report(connection: asyncpg.Connection, broadcast_id: uuid.UUID) -> BroadcastReport | None:
    """Delivered / failed / pending per recipient, with each channel's state; counts per channel."""
    broadcast = await broadcasts.get(connection, broadcast_id)
    if broadcast is None:
        return None
    channels: dict[str, list[asyncpg.Record]] = defaultdict(list)
    rows = await broadcasts.deliveries(connection, broadcast_id)
    for row in rows:
        channels[row["recipient_key"]].append(row)
    reports = [
        RecipientReport(
            recipient=key,
            kind=rows[0]["kind"],
            state=recipient_state(_for_recipient_state(row) for row in rows),
            channels=[
                {
                    "channel": r["channel"],
                    "state": r["state"],
                    "outcome": _outcome(r),
                    "attempts": r["attempts"],
                    "sent_at": r["sent_at"],
                    "last_error": r["last_error"],
                }
                for r in rows
            ],
        )
        for key, rows in channels.items()
    ]
    by_channel = channel_totals((row["channel"], _outcome(row)) for row in rows)
    return BroadcastReport(broadcast, totals(report.state for report in reports), reports, by_channel)
