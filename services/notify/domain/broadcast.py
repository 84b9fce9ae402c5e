"""Urgent broadcasts: the notice in the reader's language, and the delivery report per recipient."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Mapping
from typing import Literal

import msgspec

from services.notify.domain.locales import DEFAULT_LOCALE, resolve_locale

REPORT_STATES = ("delivered", "failed", "pending")
# per channel (docs/guests.md): sent = the provider or relay accepted it; delivered = the SMS receipt said
# so, or the feed stored it (e-mail is never claimed delivered); not_reachable = no address for the channel
CHANNEL_STATES = ("pending", "sent", "delivered", "failed", "not_reachable")


class Notice(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    headline: str
    message: str


class Scope(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where the notice applies: the whole venue, one space (hall) or one booking (its id)."""

    kind: Literal["venue", "space", "booking"]
    id: str = ""


class Audience(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    guests: bool = True
    organizers: bool = True
    vendors: bool = True

    def includes(self, recipient_key: str) -> bool:
        kind = recipient_key.split(":", 1)[0]
        return {"organizer": self.organizers, "vendor": self.vendors, "guest": self.guests}.get(kind, False)


EVERYONE = Audience()


def in_scope(
    scope: Scope | None, booking_id: uuid.UUID, space_id: str, venue_bookings: Collection[uuid.UUID]
) -> bool:
    """Whether an event belongs to the scope: any for the venue; the space's own bookings and those the venue
    says use it (a combined room); the one booking."""
    if scope is None or scope.kind == "venue":
        return True
    if scope.kind == "booking":
        return str(booking_id) == scope.id
    return space_id == scope.id or booking_id in venue_bookings


def notice_for(notices: Mapping[str, Notice], tag: str) -> tuple[str, Notice]:
    """The staff's wording closest to the reader's language (English, else any, when none is close)."""
    available = sorted(notices)
    chosen = resolve_locale(tag, available, DEFAULT_LOCALE if DEFAULT_LOCALE in notices else available[0])
    return chosen, notices[chosen]


def channel_outcome(channel: str, state: str, receipt: str | None) -> str:
    """One delivery as the per-channel report counts it (one of ``CHANNEL_STATES``)."""
    if state == "sent":
        return "delivered" if channel == "in_app" else receipt or "sent"
    if state in ("skipped", "not_reachable"):  # opted out (never for urgent notices) or no address
        return "not_reachable"
    return state


def channel_totals(outcomes: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """``{channel: {state: count}}`` over (channel, outcome) pairs, every state present."""
    counted: dict[str, dict[str, int]] = {}
    for channel, outcome in outcomes:
        counted.setdefault(channel, dict.fromkeys(CHANNEL_STATES, 0))[outcome] += 1
    return counted


def recipient_state(channel_states: Iterable[tuple[str, str]]) -> str:
    """``delivered`` once any outside channel delivered (or the feed is all they have), ``pending`` while
    one is still trying, ``failed`` when every outside channel gave up (a channel without an address
    does not count; an SMS whose receipt says it failed counts as failed)."""
    unreached = ("skipped", "not_reachable")
    outside = [state for channel, state in channel_states if channel != "in_app" and state not in unreached]
    if not outside or "sent" in outside:
        return "delivered"
    return "pending" if "pending" in outside else "failed"


def totals(states: Iterable[str]) -> dict[str, int]:
    counted = dict.fromkeys(REPORT_STATES, 0)
    for state in states:
        counted[state] += 1
    return counted
