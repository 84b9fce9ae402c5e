"""Use cases of the organizer's guest invitations: invite one guest or a whole list (all or nothing), list
them, send a link again, end one (which purges the guest's registration as a withdrawal does), and the
counts of a booking's guests.

The link's secret is drawn here, published once for notify to e-mail (``GuestInvited``) and kept only as
its hash. Audit rows carry counts and ids, never an address.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain.access import Principal
from services.venue.domain.guest_links import link_hash, new_link_secret, resend_refusal
from services.venue.domain.invitations import (
    ALREADY_INVITED,
    Invitee,
    guest_locale,
    invite_refusal,
    invitee,
    read_rows,
)
from services.venue.handlers.errors import Conflict, Invalid, NotFound
from services.venue.handlers.views import visible_booking
from shared.contracts import GuestInvited

REVOKED = "the organizer ended the invitation"


@dataclass(frozen=True)
class Invited:
    invitation_id: uuid.UUID
    email: str
    locale: str


def _default_locale(booking: Any) -> str:
    organizer = booking["organizer"] or {}
    return guest_locale(organizer.get("locale") if isinstance(organizer, Mapping) else None)


async def _open_booking(unit: VenueUnit, principal: Principal, booking_id: uuid.UUID, now: datetime) -> Any:
    booking = await visible_booking(unit, principal, booking_id, lock="FOR SHARE")
    refusal = invite_refusal(booking["status"], booking["ends_at"], now)
    if refusal:
        raise Conflict(refusal)
    return booking


def _announce(
    unit: VenueUnit, booking: Any, invitation_id: uuid.UUID, who: Invitee, link: str, resent: bool
) -> None:
    unit.publish(
        GuestInvited(
            booking_id=booking["id"],
            invitation_id=invitation_id,
            email=who.email,
            locale=who.locale,
            link=link,
            expires_at=booking["ends_at"],
            event_title=booking["title"],
            starts_at=booking["starts_at"],
            ends_at=booking["ends_at"],
            resent=resent,
        )
    )


async def _invite_all(
    unit: VenueUnit, principal: Principal, booking: Any, invitees: Sequence[Invitee], link_base: str
) -> list[Invited]:
    invited = []
    for who in invitees:
        secret = new_link_secret()
        invitation_id = await unit.registrations.invite(
            booking["id"], who.email, who.locale, link_hash(secret), principal.actor, booking["ends_at"]
        ) or await unit.invitations.invite_again(
            booking["id"], who.email, who.locale, link_hash(secret), principal.actor
        )
        if invitation_id is None:  # invited by someone else a moment ago
            raise Conflict(f"{who.email} {ALREADY_INVITED}")
        _announce(unit, booking, invitation_id, who, f"{link_base}/g/{secret}", resent=False)
        invited.append(Invited(invitation_id, who.email, who.locale))
    return invited


async def invitable(
    database: VenueDatabase, principal: Principal, booking_id: uuid.UUID, now: datetime
) -> None:
    """NotFound (not the caller's) or Conflict (not open to invitations) before an upload is read."""
    async with database.transaction() as unit:
        await _open_booking(unit, principal, booking_id, now)


async def invite_one(
    database: VenueDatabase,
    principal: Principal,
    booking_id: uuid.UUID,
    email: str,
    locale: str | None,
    link_base: str,
    now: datetime,
    trace_id: str,
) -> Invited:
    """Invite one guest: a personal link e-mailed to ``email``; Conflict when the address is invited already."""
    async with database.transaction() as unit:
        booking = await _open_booking(unit, principal, booking_id, now)
        who, violations = invitee(email, locale, _default_locale(booking))
        if violations:
            raise Invalid(violations)
        if who.email in await unit.invitations.invited(booking_id):
            raise Conflict(f"the address {ALREADY_INVITED}")
        [invited] = await _invite_all(unit, principal, booking, [who], link_base)
        await unit.audit.record(booking_id, principal.actor, "guests invited", {"invitations": 1}, trace_id)
    return invited


async def import_invitations(
    database: VenueDatabase,
    principal: Principal,
    booking_id: uuid.UUID,
    rows: Sequence[Mapping[str, str]],
    link_base: str,
    now: datetime,
    trace_id: str,
) -> list[Invited]:
    """Invite every guest of an uploaded list, all or nothing: Invalid names each row and field at fault."""
    async with database.transaction() as unit:
        booking = await _open_booking(unit, principal, booking_id, now)
        invited_before = await unit.invitations.invited(booking_id)
        invitees, violations = read_rows(rows, _default_locale(booking), invited_before)
        if violations:
            raise Invalid(violations)
        invited = await _invite_all(unit, principal, booking, invitees, link_base)
        detail = {"invitations": len(invited), "imported": True}
        await unit.audit.record(booking_id, principal.actor, "guests invited", detail, trace_id)
    return invited


async def invitations_of(database: VenueDatabase, principal: Principal, booking_id: uuid.UUID) -> list[Any]:
    """The booking's invitations with their guest's state (registered, checked in, letter); no passport data."""
    async with database.transaction() as unit:
        await visible_booking(unit, principal, booking_id)
        return await unit.invitations.of_booking(booking_id)


async def resend(
    database: VenueDatabase,
    principal: Principal,
    booking_id: uuid.UUID,
    invitation_id: uuid.UUID,
    link_base: str,
    now: datetime,
    trace_id: str,
) -> None:
    """Send the guest a new link to the same address (the old one stops working); at most five times."""
    async with database.transaction() as unit:
        booking = await _open_booking(unit, principal, booking_id, now)
        invitation = await unit.invitations.one(booking_id, invitation_id)
        if invitation is None:
            raise NotFound(f"invitation {invitation_id} does not exist")
        refusal = resend_refusal(invitation["status"], invitation["sent_count"])
        if refusal:
            raise Conflict(refusal)
        secret = new_link_secret()
        await unit.invitations.new_link(invitation_id, link_hash(secret))
        who = Invitee(invitation["email"], invitation["locale"])
        _announce(unit, booking, invitation_id, who, f"{link_base}/g/{secret}", resent=True)
        detail = {"invitation_id": str(invitation_id), "sent": invitation["sent_count"] + 1}
        await unit.audit.record(booking_id, principal.actor, "guest link re-sent", detail, trace_id)


async def revoke_invitation(
    database: VenueDatabase,
    principal: Principal,
    booking_id: uuid.UUID,
    invitation_id: uuid.UUID,
    now: datetime,
    trace_id: str,
) -> None:
    """End the guest's link; their registration is deleted and a live letter revoked, as a withdrawal does."""
    async with database.transaction() as unit:
        await visible_booking(unit, principal, booking_id, lock="FOR SHARE")
        invitation = await unit.invitations.one(booking_id, invitation_id)
        if invitation is None:
            raise NotFound(f"invitation {invitation_id} does not exist")
        if invitation["status"] not in ("invited", "registered"):
            return  # ended already: the same end state, nothing more to audit
        registration = await unit.registrations.of_invitation(invitation_id)
        revoked = 0
        if registration is not None:
            live = await unit.letters.live_of(registration.id)
            if live is not None and await unit.letters.revoke(live["id"], REVOKED, principal.actor, now):
                revoked = 1
        removed = await unit.invitations.revoke(invitation_id)
        detail = {"invitation_id": str(invitation_id), "registrations": removed, "letters_revoked": revoked}
        await unit.audit.record(booking_id, principal.actor, "invitation revoked", detail, trace_id)


async def guest_counts(database: VenueDatabase, principal: Principal, booking_id: uuid.UUID) -> Any:
    """Registered, checked in and walk-ins, and registrations per dietary choice, allergen and need."""
    async with database.transaction() as unit:
        await visible_booking(unit, principal, booking_id)
        return await unit.invitations.counts(booking_id)
