"""The notify service's NATS consumer: booking outcomes from the venue become notifications."""

from __future__ import annotations

from collections.abc import Mapping

from services.notify.domain.outcome import Outcome
from services.notify.handlers import Notifier, notify_organizer
from shared.contracts import BookingConfirmed, BookingRejected, Message
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer


def routes(notifier: Notifier) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Both outcomes of a booking, delivered by the durable ``notify-booking-events``."""

    async def on_outcome(event: Outcome, unit: UnitOfWork) -> None:
        """Tell the organizer how the booking went, in their language and time zone."""
        await notify_organizer(event, unit, notifier)

    consumer = next(consumer for consumer in CONSUMERS if consumer.durable == "notify-booking-events")
    return {consumer: {BookingConfirmed: on_outcome, BookingRejected: on_outcome}}
