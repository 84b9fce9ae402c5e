"""Guest events from the venue (docs/guests.md, "The guest's personal link"): e-mail an invited guest
their personal link, in their language.

The link's secret is in the event and the e-mail only: never in a log field, nor in the delivery's data;
the notification's text holds it until the delivery is done and payload retention empties it.
"""

from __future__ import annotations

import logging

from services.notify.adapters import bookings, recipients
from services.notify.domain.channels import Contact
from services.notify.domain.wording import Reader
from services.notify.handlers.telling import Notifier, Telling, Variables, tell_one
from shared.contracts.guest_events import GuestInvited
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

INVITATION = "guest_invitation"


def invitation_contact(event: GuestInvited, venue_zone: str) -> Contact:
    """The invited guest as notify reaches them: by invitation (``invitation:<id>``), by e-mail only."""
    email = event.email.strip()
    return Contact(f"invitation:{event.invitation_id}", "guest", "", email, "", event.locale, venue_zone)


def invitation_variables(event: GuestInvited, organizer: str) -> Variables:
    def build(reader: Reader, contact: Contact) -> dict[str, str]:
        return {
            "guest_name": contact.email,  # the name is not stored, nor sent: the greeting uses the address
            "organizer": organizer or reader.style.venue_name,
            "event_title": event.event_title,
            "event_dates": reader.window(event.starts_at, event.ends_at),
            "expires": reader.moment(event.expires_at),
            "link": event.link,
            "venue_name": reader.style.venue_name,
        }

    return build


async def _organizer_name(unit: UnitOfWork, event: GuestInvited) -> str:
    """The organizer as notify's booking picture knows them ("" when it does not yet)."""
    known = await bookings.booking(unit.connection, event.booking_id)
    if known is None or not known[0].organizer_key:
        return ""
    contacts = await recipients.contacts(unit.connection, [known[0].organizer_key])
    return contacts[0].name if contacts else ""


async def on_guest_invited(event: GuestInvited, unit: UnitOfWork, notifier: Notifier) -> bool:
    """Queue the invitation e-mail once (a redelivered event finds it recorded); False if it was."""
    contact = invitation_contact(event, str(notifier.venue_zone))
    variables = invitation_variables(event, await _organizer_name(unit, event))
    data = {"invitation_id": str(event.invitation_id), "resent": event.resent}
    telling = Telling(event.message_id, INVITATION, event.booking_id, variables, data)
    told = await tell_one(unit.connection, notifier, telling, contact)
    fields = {"invitation_id": str(event.invitation_id), "booking_id": str(event.booking_id), "queued": told}
    log.info(
        "guest invitation queued" if told else "guest invitation already recorded", extra={"fields": fields}
    )
    return told
