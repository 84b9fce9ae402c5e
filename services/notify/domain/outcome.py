"""What a booking event tells its reader: the template variables of each venue event."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from services.notify.domain.notices import NOTICE_VARIABLES, ORGANIZER
from services.notify.domain.projection import BookingView
from services.notify.domain.templates import LocalePack, Rendered, render
from services.notify.domain.wording import Reader
from shared.contracts import (
    ApprovalNeeded,
    BookingCancelled,
    BookingChanged,
    BookingConfirmed,
    BookingEvent,
    BookingReceived,
    BookingRejected,
    HoldExpiring,
    WaitlistPromoted,
)

Outcome = BookingEvent

# the variables each notice's templates may use (the unit tests hold every template to them)
COMMON_VARIABLES = ORGANIZER
EVENT_VARIABLES = NOTICE_VARIABLES


def event_name(event: BookingEvent) -> str:
    """``booking_confirmed`` for ``venue.evt.booking_confirmed``: the template's file name."""
    return event.subject.rsplit(".", 1)[-1]


def _specific(event: BookingEvent, reader: Reader) -> dict[str, str]:
    if isinstance(event, BookingConfirmed | BookingReceived):
        return {"services": reader.services(event.services)}
    if isinstance(event, BookingRejected):
        return {"reason": reader.or_none(event.reason)}
    if isinstance(event, BookingChanged):
        return {
            "changes": reader.changes(event.changes),
            "previous_when": reader.window(event.previous_starts_at, event.previous_ends_at),
        }
    if isinstance(event, BookingCancelled):
        return {"reason": reader.or_none(event.reason), "fee": reader.fee(event.fee_minor, event.currency)}
    if isinstance(event, HoldExpiring):
        return {"expires": reader.moment(event.expires_at)}
    if isinstance(event, WaitlistPromoted):
        return {"deadline_note": reader.confirm_by(event.expires_at)}
    if isinstance(event, ApprovalNeeded):
        return {"decide_by": reader.moment(event.decide_by)}
    return {}


def booking_variables(event: BookingEvent, reader: Reader, recipient_name: str = "") -> dict[str, str]:
    """Everything the event's template may show, for ``reader`` (the organizer, or staff by name)."""
    found = {
        "organizer_name": event.organizer.name,
        "title": event.title,
        "space_name": event.space_name,
        "when": reader.window(event.starts_at, event.ends_at),
        "booking_id": str(event.booking_id),
        "venue_name": reader.style.venue_name,
        **_specific(event, reader),
    }
    if isinstance(event, ApprovalNeeded):
        found |= {
            "recipient_name": recipient_name,
            "organizer_email": event.organizer.email,
            "space_name": reader.space(event.space_id, event.space_name),
        }
    return found


def variables(event: BookingEvent, pack: LocalePack, venue_zone: ZoneInfo) -> dict[str, str]:
    """The organizer's variables for ``event``, formatted for the pack's locale and their zone."""
    return booking_variables(event, Reader.of(pack, event.organizer.time_zone, venue_zone))


def render_outcome(event: BookingEvent, pack: LocalePack, venue_zone: ZoneInfo) -> Rendered:
    """The organizer's message about ``event``, in the pack's language."""
    return render(pack, event_name(event), variables(event, pack, venue_zone))


def reminder_variables(
    booking: BookingView, reader: Reader, organizer_name: str, lead: timedelta
) -> dict[str, str]:
    """The organizer's reminder: the booking as notify knows it now, and how soon it starts."""
    return {
        "organizer_name": organizer_name,
        "title": booking.title,
        "space_name": booking.space_name,
        "when": reader.window(booking.starts_at, booking.ends_at),
        "booking_id": str(booking.booking_id),
        "venue_name": reader.style.venue_name,
        "lead": reader.lead(lead),
    }
