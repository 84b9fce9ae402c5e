"""Use case of finding bookings: a page of the caller's bookings (organizers) or anyone's (staff, ops)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal, Role
from services.venue.domain.listing import BookingFilter
from services.venue.handlers.errors import NotPermitted


def for_caller(wanted: BookingFilter, principal: Principal) -> BookingFilter:
    """Organizers list only their own bookings, whatever they ask for."""
    if principal.role is not Role.ORGANIZER:
        return wanted
    if wanted.organizer_id not in (None, principal.account_id):
        raise NotPermitted("organizer_id", "staff and ops only: an organizer lists their own bookings")
    return replace(wanted, organizer_id=principal.account_id)


async def list_bookings(database: VenueDatabase, principal: Principal, wanted: BookingFilter) -> list[Any]:
    """One page of summaries, in the order asked for, after the cursor's position if any."""
    async with database.autocommit() as unit:
        return await unit.booking_list.page(for_caller(wanted, principal))
