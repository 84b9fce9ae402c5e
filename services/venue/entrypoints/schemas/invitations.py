"""Types of the organizer's guest invitations and of a booking's guest counts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import Meta

GuestLocale = Annotated[
    str,
    Meta(max_length=8, description="zh-CN, en, ko, fr, es, th, vi, lo, km or ms (the guest may change it)"),
]


class InvitationCreate(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    email: Annotated[str, Meta(min_length=1, max_length=254, description="the guest's e-mail address")]
    locale: Annotated[
        GuestLocale | None, Meta(description="the e-mail's and page's language; default: the organizer's")
    ] = None


class InvitationSent(msgspec.Struct, frozen=True, kw_only=True):
    invitation_id: uuid.UUID
    email: str
    locale: str


class InvitationsSent(msgspec.Struct, frozen=True, kw_only=True):
    invited: int
    invitations: list[InvitationSent]


class Invitation(msgspec.Struct, frozen=True, kw_only=True):
    """One invited guest as the organizer sees them (no passport data)."""

    invitation_id: uuid.UUID
    email: str
    locale: str
    status: Annotated[str, Meta(description="invited, registered, withdrawn or revoked")]
    invited_at: datetime
    expires_at: datetime
    sent_count: int
    registered: bool
    checked_in_at: datetime | None = None
    letter_status: Annotated[
        str | None,
        Meta(description="the guest's latest invitation letter: requested, issued, refused, revoked"),
    ] = None


class GuestCounts(msgspec.Struct, frozen=True, kw_only=True):
    """A booking's registered guests in numbers: what catering and the door plan with, nothing personal."""

    booking_id: uuid.UUID
    registered: int
    checked_in: int
    walk_ins: int
    dietary: dict[str, int]
    allergens: dict[str, int]
    needs: dict[str, int]
