"""Guest events the venue announces for notify to send (docs/guests.md): a guest's personal link.

The link's secret travels here and in the e-mail only, as the account links do (the venue keeps its hash);
no passport data ever travels in a guest event.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from shared.contracts.base import Message


class GuestInvited(Message, frozen=True, kw_only=True):
    """An organizer invited a guest (or asked to send the link again): e-mail the link in ``locale``."""

    subject: ClassVar[str] = "venue.evt.guest_invited"
    invitation_id: uuid.UUID
    email: str
    locale: str
    link: str
    expires_at: datetime
    event_title: str
    starts_at: datetime
    ends_at: datetime
    resent: bool = False


GUEST_EVENTS: tuple[type[Message], ...] = (GuestInvited,)
