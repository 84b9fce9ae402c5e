"""Who is on site, as the venue answers notify: confirmed bookings overlapping the window within the scope,
and their registered guests' contacts and language (no passport data)."""

from __future__ import annotations

from datetime import timedelta

import msgspec

from services.venue.domain.access import Role
from services.venue.domain.checkin import new_pass_code
from services.venue.domain.guest_links import link_hash, new_link_secret
from services.venue.handlers.people_on_site import people_on_site
from services.venue.tests.integration.addon_support import insert_booking, new_account
from services.venue.tests.integration.test_registrations_db import NOW, PASSPORT, sealed
from shared.contracts.guests import PeopleOnSiteQuery


async def test_the_venue_names_the_bookings_and_guests_a_notice_in_its_scope_reaches(database):
    ann = await new_account(database.pool, Role.ORGANIZER)
    on = await insert_booking(
        database.pool, ann, NOW - timedelta(hours=1), NOW + timedelta(hours=3), space_id="room-a", units=()
    )
    other_hall = await insert_booking(
        database.pool, ann, NOW, NOW + timedelta(hours=2), space_id="room-b", units=()
    )
    await insert_booking(
        database.pool, ann, NOW + timedelta(days=2), NOW + timedelta(days=2, hours=2), units=()
    )
    await insert_booking(database.pool, ann, NOW, NOW + timedelta(hours=2), status="cancelled", units=())
    async with database.transaction() as unit:
        invitation_id = await unit.registrations.invite(
            on, "an@example.org", "vi", link_hash(new_link_secret()), ann.actor, NOW + timedelta(hours=3)
        )
        await unit.registrations.save(sealed(on, invitation_id, "Nguyễn Văn An", new_pass_code()))
    window = {"starts_at": NOW - timedelta(hours=2), "ends_at": NOW + timedelta(hours=4)}

    venue = await people_on_site(database, PeopleOnSiteQuery(scope="venue", **window))
    assert {b.booking_id for b in venue.bookings} == {on, other_hall}  # not tomorrow's, not the cancelled one
    [guest] = venue.guests
    assert (guest.booking_id, guest.full_name, guest.locale, guest.phone, guest.checked_in) == (
        on,
        "Nguyễn Văn An",
        "vi",
        "+84912345678",
        False,
    )
    assert PASSPORT not in msgspec.json.encode(venue).decode()
    hall = await people_on_site(database, PeopleOnSiteQuery(scope="space", scope_id="room-b", **window))
    assert ([b.booking_id for b in hall.bookings], hall.guests) == ([other_hall], [])
    one = await people_on_site(database, PeopleOnSiteQuery(scope="booking", scope_id=str(on), **window))
    assert [b.booking_id for b in one.bookings] == [on] and len(one.guests) == 1
