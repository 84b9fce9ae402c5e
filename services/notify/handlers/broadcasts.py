"""Urgent broadcasts: a staff notice to every organizer, vendor and guest with an event in a time window,
within a scope (the venue, a space, a booking) when one is given."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
import msgspec

from services.notify.adapters import bookings, broadcasts, recipients
from services.notify.adapters.bookings import Involvement
from services.notify.domain.broadcast import (
    EVERYONE,
    Audience,
    Notice,
    Scope,
    channel_outcome,
    channel_totals,
    in_scope,
    notice_for,
    recipient_state,
    totals,
)
from services.notify.domain.channels import SIGNAGE_KEY, Contact
from services.notify.domain.wording import Reader
from services.notify.handlers.telling import Notifier, Telling, Variables, tell_one
from shared.contracts.guests import GuestOnSite, PeopleOnSite
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


def _guest_variables(notices: dict[str, Notice]) -> Variables:
    def build(reader: Reader, contact: Contact) -> dict[str, str]:
        _, notice = notice_for(notices, contact.locale)
        return {
            "guest_name": contact.name,
            "headline": notice.headline,
            "message": notice.message,
            "venue_name": reader.style.venue_name,
        }

    return build


def guest_contact(guest: GuestOnSite, venue_zone: str) -> Contact:
    """A guest as notify reaches them: by registration (``guest:<id>``), in their language, on site."""
    key = f"guest:{guest.registration_id}"
    return Contact(key, "guest", guest.full_name, guest.email, guest.phone, guest.locale, venue_zone)


async def _involved(
    connection: asyncpg.Connection, window: tuple[datetime, datetime], scope: Scope | None, audience: Audience,
    venue_bookings: set[uuid.UUID],
) -> dict[str, list[Involvement]]:  # fmt: skip
    involved: dict[str, list[Involvement]] = defaultdict(list)
    for involvement in await bookings.involved_between(connection, *window):
        if audience.includes(involvement.recipient_key) and in_scope(
            scope, involvement.booking_id, involvement.space_id, venue_bookings
        ):
            involved[involvement.recipient_key].append(involvement)
    return involved


def signage_data(
    broadcast_id: uuid.UUID, notices: dict[str, Notice], scope: Scope | None, spaces: set[str],
    window: tuple[datetime, datetime], sent_at: datetime,
) -> dict[str, Any]:  # fmt: skip
    """What display and public-address systems get (the webhook's ``data``): texts by locale, where, until."""
    return {
        "notice_id": str(broadcast_id),
        "scope": msgspec.to_builtins(scope) if scope else {"kind": "venue", "id": ""},
        "spaces": sorted(space for space in spaces if space),
        "severity": "urgent",
        "headline": {locale: notice.headline for locale, notice in notices.items()},
        "message": {locale: notice.message for locale, notice in notices.items()},
        "sent_at": sent_at,
        "expires_at": window[1],
    }


async def _tell_signage(
    connection: asyncpg.Connection, notifier: Notifier, broadcast_id: uuid.UUID, notices: dict[str, Notice],
    scope: Scope | None, spaces: set[str], window: tuple[datetime, datetime],
) -> bool:  # fmt: skip
    """The signage systems' endpoints hear it too, when ops registered any (``/ops/signage-hooks``)."""
    endpoints, _ = await recipients.reach(connection, SIGNAGE_KEY)
    signage = await recipients.contacts(connection, [SIGNAGE_KEY])
    if not endpoints or not signage:
        return False
    data = signage_data(broadcast_id, notices, scope, spaces, window, datetime.now(UTC))
    telling = Telling(broadcast_id, "urgent_broadcast", None, _variables(notices, [], window), data)
    return await tell_one(connection, notifier, telling, signage[0])


async def _tell_people(
    connection: asyncpg.Connection, notifier: Notifier, broadcast_id: uuid.UUID, notices: dict[str, Notice],
    window: tuple[datetime, datetime], involved: dict[str, list[Involvement]], staff_audience: list[Contact],
    guests: list[GuestOnSite],
) -> None:  # fmt: skip
    built = msgspec.to_builtins(notices)
    for contact in staff_audience:
        events = involved[contact.key]
        data = {"broadcast_id": str(broadcast_id), "window": list(window), "notices": built}
        data["bookings"] = [str(e.booking_id) for e in events]
        variables = _variables(notices, events, window)
        telling = Telling(broadcast_id, "urgent_broadcast", None, variables, data, record_unreachable=True)
        await tell_one(connection, notifier, telling, contact)
    for guest in guests:
        data = {"broadcast_id": str(broadcast_id), "notices": built, "bookings": [str(guest.booking_id)]}
        variables = _guest_variables(notices)
        telling = Telling(broadcast_id, "urgent_notice_guest", None, variables, data, record_unreachable=True)
        await tell_one(connection, notifier, telling, guest_contact(guest, str(notifier.venue_zone)))


async def send_broadcast(
    unit: UnitOfWork,
    notifier: Notifier,
    broadcast_id: uuid.UUID,
    starts_at: datetime,
    ends_at: datetime,
    notices: dict[str, Notice],
    scope: Scope | None = None,
    audience: Audience = EVERYONE,
    people: PeopleOnSite | None = None,
) -> int:
    """Record the broadcast and one essential notice per person in scope on all their channels: organizers
    and vendors notify knows, the guests the venue reported (``people``), and the signage systems; how many
    people."""
    connection, window = unit.connection, (starts_at, ends_at)
    venue_bookings = {booking.booking_id for booking in people.bookings} if people else set()
    involved = await _involved(connection, window, scope, audience, venue_bookings)
    staff_audience = await recipients.contacts(connection, sorted(involved))
    guests = [
        guest
        for guest in (people.guests if people is not None and audience.guests else [])
        if in_scope(scope, guest.booking_id, "", venue_bookings)
    ]
    everyone = len(staff_audience) + len(guests)
    await broadcasts.create(
        connection, broadcast_id, starts_at, ends_at, msgspec.to_builtins(notices), everyone,
        msgspec.to_builtins(scope) if scope else None,
    )  # fmt: skip
    await _tell_people(connection, notifier, broadcast_id, notices, window, involved, staff_audience, guests)
    spaces = {e.space_id for events in involved.values() for e in events}
    spaces |= {booking.space_id for booking in (people.bookings if people else [])}
    signed = await _tell_signage(connection, notifier, broadcast_id, notices, scope, spaces, window)
    fields = {"broadcast_id": str(broadcast_id), "recipients": everyone, "guests": len(guests)}
    log.warning("urgent broadcast queued", extra={"fields": fields | {"signage": signed}})
    return everyone


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


def _channel(row: asyncpg.Record) -> str:
    """The signage systems' webhooks are their own channel in the report."""
    return (
        "signage" if row["recipient_key"] == SIGNAGE_KEY and row["channel"] == "webhook" else row["channel"]
    )


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
                    "channel": _channel(r),
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
    by_channel = channel_totals((_channel(row), _outcome(row)) for row in rows)
    return BroadcastReport(broadcast, totals(report.state for report in reports), reports, by_channel)
