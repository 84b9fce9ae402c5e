"""Reminders before an event: which are due when (by default 7 days and 24 hours before it starts).

A reminder's id is derived from what it reminds of, so scheduling twice makes one reminder and the id
doubles as the message id of what it sends (once per recipient and channel).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

DEFAULT_LEADS = "7d,24h"
_NAMESPACE = uuid.UUID("2b5f0f9e-3f7c-4b1e-9a0d-6c1e8f4d2a77")
_LEAD = re.compile(r"^\s*(\d+)\s*([dhm])\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_leads(text: str) -> tuple[timedelta, ...]:
    """``"7d,24h"`` → (7 days, 24 hours); ValueError names the part that is not ``<n>d|h|m``."""
    leads = []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        match = _LEAD.match(part)
        if not match or int(match.group(1)) == 0:
            raise ValueError(f"reminder lead {part!r} is not like 7d, 24h or 90m")
        leads.append(timedelta(**{_UNITS[match.group(2)]: int(match.group(1))}))
    return tuple(sorted(set(leads), reverse=True))


@dataclass(frozen=True)
class Reminder:
    id: uuid.UUID
    booking_id: uuid.UUID
    recipient_key: str
    lead: timedelta
    starts_at: datetime
    due_at: datetime


def reminder_id(booking_id: uuid.UUID, recipient_key: str, lead: timedelta, starts_at: datetime) -> uuid.UUID:
    key = f"{booking_id}|{recipient_key}|{int(lead.total_seconds())}|{starts_at.timestamp():.0f}"
    return uuid.uuid5(_NAMESPACE, key)


def reminders_for(
    booking_id: uuid.UUID,
    recipient_key: str,
    starts_at: datetime,
    leads: tuple[timedelta, ...],
    now: datetime,
) -> list[Reminder]:
    """The reminders still ahead of ``now`` (one due in the past is not sent late: it is left out)."""
    return [
        Reminder(
            reminder_id(booking_id, recipient_key, lead, starts_at),
            booking_id,
            recipient_key,
            lead,
            starts_at,
            starts_at - lead,
        )
        for lead in leads
        if starts_at - lead > now
    ]
