"""Who is on site, for notify's urgent notices (docs/guests.md): the confirmed bookings overlapping the
asked window within its scope (the venue, one space, one booking) and each of their registered guests'
contacts and language. No passport data, no birth date."""

from __future__ import annotations

from services.venue.adapters.unit_of_work import VenueDatabase
from shared.contracts.guests import BookingOnSite, GuestOnSite, PeopleOnSite, PeopleOnSiteQuery


async def people_on_site(database: VenueDatabase, query: PeopleOnSiteQuery) -> PeopleOnSite:
    """The bookings and guests a notice in ``query``'s scope and window reaches."""
    async with database.autocommit() as unit:
        bookings, guests = await unit.registrations.on_site(
            query.scope, query.scope_id, query.starts_at, query.ends_at
        )
    return PeopleOnSite(
        bookings=[
            BookingOnSite(
                booking_id=row["id"],
                title=row["title"],
                space_id=row["space_id"],
                starts_at=row["starts_at"],
                ends_at=row["ends_at"],
            )
            for row in bookings
        ],
        guests=[
            GuestOnSite(
                registration_id=row["id"],
                booking_id=row["booking_id"],
                full_name=row["full_name"],
                locale=row["locale"],
                phone=row["phone"],
                email=row["email"],
                checked_in=row["checked_in"],
            )
            for row in guests
        ],
    )
