"""What a booking outcome says to its organizer: the template variables of each event."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from services.notify.domain.templates import LocalePack, Rendered, render
from services.notify.domain.times import window_text, zone_or
from shared.contracts import BookingConfirmed, BookingRejected

Outcome = BookingConfirmed | BookingRejected

# the variables each event's templates may use (the unit tests hold every template to them)
COMMON_VARIABLES = frozenset({"organizer_name", "title", "space_name", "when", "booking_id", "venue_name"})
EVENT_VARIABLES = {
    "booking_confirmed": COMMON_VARIABLES | {"services"},
    "booking_rejected": COMMON_VARIABLES | {"reason"},
}


def event_name(event: Outcome) -> str:
    """``booking_confirmed`` for ``venue.evt.booking_confirmed``: the template's file name."""
    return event.subject.rsplit(".", 1)[-1]


def _services(event: BookingConfirmed, pack: LocalePack) -> str:
    names = [pack.style.services.get(service, service) for service in event.services]
    return pack.style.list_separator.join(names) if names else pack.style.none


def variables(event: Outcome, pack: LocalePack, venue_zone: ZoneInfo) -> dict[str, str]:
    """Everything the event's templates may show, formatted for the pack's locale."""
    style = pack.style
    reader_zone = zone_or(event.organizer.time_zone, venue_zone)
    found = {
        "organizer_name": event.organizer.name,
        "title": event.title,
        "space_name": event.space_name,
        "when": window_text(
            event.starts_at, event.ends_at, reader_zone, venue_zone, style.formats, style.months
        ),
        "booking_id": str(event.booking_id),
        "venue_name": style.venue_name,
    }
    if isinstance(event, BookingConfirmed):
        found["services"] = _services(event, pack)
    else:
        found["reason"] = event.reason
    return found


def render_outcome(event: Outcome, pack: LocalePack, venue_zone: ZoneInfo) -> Rendered:
    """The organizer's message about ``event``, in the pack's language."""
    return render(pack, event_name(event), variables(event, pack, venue_zone))
