"""Use cases a guest starts through their personal link (no account): for now, withdrawal.

Withdrawal (PIPL art. 15/47) deletes the registration with its sealed passport data in one transaction,
revokes the guest's live letter (deleting its PDF; its number stays verifiable as revoked), ends the link,
and audits it with ids and counts only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase, VenueUnit
from services.venue.domain.guest_links import link_hash, link_refusal

GUEST = "guest:link"
WITHDRAWN = "withdrawn by the guest"


class LinkRefused(Exception):
    """The link opens nothing (unknown, expired, revoked or withdrawn): one answer for all, a 401."""


async def open_link(unit: VenueUnit, secret: str, now: datetime, lock: bool = False) -> Any:
    """The invitation the link opens (with its booking's state and times); LinkRefused for any dead link."""
    invitation = await unit.registrations.invitation_by_link(link_hash(secret), lock=lock)
    status = invitation["status"] if invitation else None
    expires_at = invitation["expires_at"] if invitation else None
    refusal = link_refusal(status, expires_at, now)
    if refusal or invitation is None:
        raise LinkRefused(refusal)
    return invitation


async def withdraw(database: VenueDatabase, secret: str, now: datetime, trace_id: str) -> None:
    """Delete the guest's registration and end their link; revoke a letter they have. A guest who never
    registered may withdraw too: it declines the invitation and ends the link."""
    async with database.transaction() as unit:
        invitation = await open_link(unit, secret, now, lock=True)
        registration = await unit.registrations.of_invitation(invitation["id"])
        revoked = 0
        if registration is not None:
            live = await unit.letters.live_of(registration.id)
            if live is not None and await unit.letters.revoke(live["id"], WITHDRAWN, GUEST, now):
                revoked = 1
        removed = await unit.registrations.withdraw(invitation["id"])
        detail = {
            "invitation_id": str(invitation["id"]),
            "registrations": removed,
            "letters_revoked": revoked,
        }
        await unit.audit.record(invitation["booking_id"], GUEST, "guest withdrew", detail, trace_id)
