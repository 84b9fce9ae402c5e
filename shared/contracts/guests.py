"""Who is on site: notify asks the venue (core NATS request/reply) before it sends an urgent notice.

Notify publishes a ``PeopleOnSiteQuery`` on ``PEOPLE_ON_SITE`` (``guests.req.people_on_site``); the venue answers ``PeopleOnSite``: the
confirmed bookings that overlap the window within the scope (the whole venue, one space, one booking) and
each of their guests who registered or checked in, with the contacts a notice needs. No passport data,
no birth date (docs/guests.md, "Urgent notices to everyone on site").
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

import msgspec

# Not under ``venue.>``: the VENUE stream captures that tree, and JetStream would answer a request there
# with its own publish acknowledgement (stored in the stream) instead of the venue answering it.
PEOPLE_ON_SITE = "guests.req.people_on_site"

ScopeKind = Literal["venue", "space", "booking"]


class PeopleOnSiteQuery(msgspec.Struct, frozen=True, kw_only=True):
    scope: ScopeKind
    scope_id: str = ""  # the space id or the booking id; empty for the whole venue
    starts_at: datetime
    ends_at: datetime


class BookingOnSite(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    title: str
    space_id: str
    starts_at: datetime
    ends_at: datetime


class GuestOnSite(msgspec.Struct, frozen=True, kw_only=True):
    registration_id: uuid.UUID
    booking_id: uuid.UUID
    full_name: str
    locale: str  # one of the guest locales
    phone: str = ""  # E.164 mobile, when the guest gave one
    email: str = ""
    checked_in: bool = False


class PeopleOnSite(msgspec.Struct, frozen=True, kw_only=True):
    bookings: list[BookingOnSite]  # required both: any other answer on the subject is refused, not empty
    guests: list[GuestOnSite]
