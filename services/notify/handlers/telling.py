"""Telling recipients: render a notice in each one's language and zone, record it once per channel."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

from services.notify.adapters import recipients, repository
from services.notify.domain.channels import Contact, plan_deliveries
from services.notify.domain.guest_catalog import GUEST_TEMPLATES, GuestCatalogs, load_guest_catalogs
from services.notify.domain.notices import WITH_CALENDAR, is_email_only, is_essential
from services.notify.domain.reminders import DEFAULT_LEADS, parse_leads
from services.notify.domain.templates import Rendered, Templates, render
from services.notify.domain.wording import Reader
from services.notify.handlers.delivery_metrics import count_delivery
from shared.db.unit_of_work import after_commit
from shared.telemetry import current_traceparent

log = logging.getLogger(__name__)

Variables = Callable[[Reader, Contact], dict[str, str]]


@dataclass(frozen=True)
class Notifier:
    """What telling needs: the templates of every locale, the venue's time zone, the reminder leads; and
    per channel, the event its dispatcher waits on between rounds (set once a new delivery commits)."""

    templates: Templates
    venue_zone: ZoneInfo
    reminder_leads: tuple[timedelta, ...] = parse_leads(DEFAULT_LEADS)
    waiting: dict[str, asyncio.Event] = field(default_factory=dict, compare=False)
    guests: GuestCatalogs = field(default_factory=load_guest_catalogs, compare=False)  # the guest catalogs

    def deliveries_waiting(self, channel: str) -> asyncio.Event:
        return self.waiting.setdefault(channel, asyncio.Event())


@dataclass(frozen=True)
class Telling:
    """One notice caused by one message (an event, a reminder, a broadcast): the same for every reader."""

    message_id: uuid.UUID
    notice: str
    booking_id: uuid.UUID | None
    variables: Variables
    data: dict[str, Any] = field(default_factory=dict)
    ics: str = ""
    record_unreachable: bool = False  # urgent notices: a channel without an address is reported as such


def _rendered(notifier: Notifier, telling: Telling, contact: Contact) -> Rendered:
    """The notice in the reader's language: guest notices from the guest catalogs, the rest from the packs."""
    if telling.notice in GUEST_TEMPLATES:
        reader = Reader.of(
            notifier.templates.for_locale(contact.locale), contact.time_zone, notifier.venue_zone
        )
        return notifier.guests.render(contact.locale, telling.notice, telling.variables(reader, contact))
    pack = notifier.templates.pack_for(contact.locale, telling.notice)
    reader = Reader.of(pack, contact.time_zone, notifier.venue_zone)
    return render(pack, telling.notice, telling.variables(reader, contact))


async def tell_one(
    connection: asyncpg.Connection, notifier: Notifier, telling: Telling, contact: Contact
) -> bool:
    """Record the notice for ``contact`` on each of their channels; False if they had it already."""
    rendered = _rendered(notifier, telling, contact)
    essential = is_essential(telling.notice)
    endpoints, opted_out = await recipients.reach(connection, contact.key)
    planned = plan_deliveries(
        contact,
        endpoints,
        opted_out,
        essential,
        is_email_only(telling.notice),
        telling.record_unreachable,
    )
    notification = repository.NewNotification(
        message_id=telling.message_id,
        booking_id=telling.booking_id,
        event=telling.notice,
        recipient=contact.email,
        recipient_key=contact.key,
        locale=rendered.locale,
        subject=rendered.subject,
        body=rendered.text,
        html=rendered.html,
        sms=rendered.sms,
        ics=telling.ics if telling.notice in WITH_CALENDAR else "",
        data=telling.data,
        essential=essential,
        trace_context=current_traceparent(),
    )
    recorded = await repository.record(connection, notification, planned)
    if recorded:  # the feed is delivered by being stored; opted-out channels are skipped at once
        for delivery in planned:
            if delivery.state in ("sent", "skipped"):
                count_delivery(delivery.channel, delivery.state)
        for channel in {delivery.channel for delivery in planned if delivery.state == "pending"}:
            after_commit(notifier.deliveries_waiting(channel).set)  # its dispatcher goes at once
    return recorded


async def tell(
    connection: asyncpg.Connection, notifier: Notifier, telling: Telling, audience: Sequence[Contact]
) -> int:
    """Tell everyone in ``audience``; how many had not been told before."""
    told = 0
    for contact in audience:
        told += await tell_one(connection, notifier, telling, contact)
    fields = {
        "message_id": str(telling.message_id),
        "booking_id": str(telling.booking_id) if telling.booking_id else None,
        "notice": telling.notice,
        "recipients": len(audience),
        "newly_told": told,
    }
    log.info("notice queued" if told else "notice already recorded", extra={"fields": fields})
    return told
