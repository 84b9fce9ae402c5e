"""Account events from the venue: keep an organizer's contact as their account says (phone included, for
SMS), and tell the person what concerns their account, by e-mail only, in their language and zone."""

from __future__ import annotations

import logging

from services.notify.adapters import recipients
from services.notify.domain.account_notices import account_notice, account_variables
from services.notify.domain.channels import Contact, organizer_key
from services.notify.handlers.telling import Notifier, Telling, tell
from shared.contracts import AccountEvent, AccountProfileChanged
from shared.db.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


def _contact(event: AccountEvent) -> Contact:
    person = event.person
    key = organizer_key(person.email) if event.role == "organizer" else f"account:{event.account_id}"
    return Contact(
        key=key,
        kind=event.role,
        name=person.name,
        email=person.email.strip(),
        phone="",  # account notices go by e-mail only
        locale=person.locale,
        time_zone=person.time_zone,
    )


async def on_account_event(event: AccountEvent, unit: UnitOfWork, notifier: Notifier) -> bool:
    """Keep the contact, tell the person once; False if nobody new was told."""
    if isinstance(event, AccountProfileChanged):
        if event.role == "organizer":
            await recipients.upsert_account_contact(
                unit.connection, event.account_id, event.person, event.occurred_at
            )
        log.info("account contact kept", extra={"fields": {"account_id": str(event.account_id)}})
        return False
    notice = account_notice(event)
    if notice is None:
        return False
    telling = Telling(
        message_id=event.message_id,
        notice=notice,
        booking_id=None,
        variables=lambda reader, contact: account_variables(event, reader),
        data={"account_id": str(event.account_id), "event": notice},
    )
    return await tell(unit.connection, notifier, telling, [_contact(event)]) > 0
