"""Use cases of the notify service: turn a booking outcome into the organizer's notification."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from services.notify.adapters import repository
from services.notify.domain.outcome import Outcome, event_name, render_outcome
from services.notify.domain.templates import Templates
from shared.db.unit_of_work import UnitOfWork
from shared.telemetry import current_traceparent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notifier:
    """What rendering needs: the templates of every locale and the venue's time zone."""

    templates: Templates
    venue_zone: ZoneInfo


async def notify_organizer(event: Outcome, unit: UnitOfWork, notifier: Notifier) -> bool:
    """Render the outcome in the organizer's language and queue it for the feed and e-mail, once."""
    pack = notifier.templates.for_locale(event.organizer.locale)
    rendered = render_outcome(event, pack, notifier.venue_zone)
    recorded = await repository.record(
        unit.connection,
        repository.NewNotification(
            message_id=event.message_id,
            booking_id=event.booking_id,
            event=event_name(event),
            recipient=event.organizer.email.strip(),
            locale=rendered.locale,
            subject=rendered.subject,
            body=rendered.text,
            html=rendered.html,
            trace_context=current_traceparent(),
        ),
    )
    fields = {
        "booking_id": str(event.booking_id),
        "message_id": str(event.message_id),
        "event": event_name(event),
    }
    if recorded:
        log.info("organizer notification queued", extra={"fields": {**fields, "locale": rendered.locale}})
    else:
        log.info("notification already recorded", extra={"fields": fields})
    return recorded
