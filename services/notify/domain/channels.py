"""Who hears a notice on which channel: every channel the recipient has, minus non-essential opt-outs."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

CHANNELS = ("in_app", "email", "sms", "webhook")
OPTIONAL_CHANNELS = ("email", "sms", "webhook")
SIGNAGE_KEY = "staff:signage"  # the display and public-address systems' endpoints (urgent notices only)  # the feed is the record itself: it cannot be turned off


@dataclass(frozen=True)
class Contact:
    key: str  # organizer:<e-mail> | vendor:<id> | staff:<id>
    kind: str
    name: str
    email: str
    phone: str
    locale: str
    time_zone: str


@dataclass(frozen=True)
class Endpoint:
    id: uuid.UUID


@dataclass(frozen=True)
class PlannedDelivery:
    channel: str
    address: str  # the e-mail address, the phone number, the endpoint id, or the recipient key (feed)
    endpoint_id: uuid.UUID | None
    state: str  # sent (the feed) | pending | skipped (opted out) | not_reachable (no address: urgent notices)


def plan_deliveries(
    contact: Contact,
    endpoints: Sequence[Endpoint],
    opted_out: Collection[str],
    essential: bool,
    email_only: bool = False,
    record_unreachable: bool = False,
) -> list[PlannedDelivery]:
    """One delivery per channel (one per webhook endpoint); opted-out channels are recorded as skipped.
    An e-mail-only notice (a sign-in link, a reset) has one delivery: the e-mail. With
    ``record_unreachable`` (urgent notices), a missing e-mail address or phone is recorded as such."""

    def state(channel: str) -> str:
        return "skipped" if channel in opted_out and not essential else "pending"

    if email_only:
        return [PlannedDelivery("email", contact.email, None, state("email"))] if contact.email else []

    planned = [PlannedDelivery("in_app", contact.key, None, "sent")]
    for channel, address in (("email", contact.email), ("sms", contact.phone)):
        if address:
            planned.append(PlannedDelivery(channel, address, None, state(channel)))
        elif record_unreachable:
            planned.append(PlannedDelivery(channel, "", None, "not_reachable"))
    planned += [PlannedDelivery("webhook", str(e.id), e.id, state("webhook")) for e in endpoints]
    return planned


def organizer_key(email: str) -> str:
    return f"organizer:{email.strip().lower()}"
