"""What the venue's use cases are asked to do: a new booking (also an option or a waitlist entry).

``booking_command`` rebuilds one from a stored plan, for a change or an option's conversion.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from services.venue.domain.booking import BookingRequest
from shared.contracts import Organizer


@dataclass(frozen=True)
class NewBooking:
    """A validated-shape request from the API: the organizer's booking, with services wanted."""

    request: BookingRequest
    title: str
    organizer: Organizer
    organizer_id: uuid.UUID | None
    actor: str
    interpreting: dict[str, Any] | None
    catering: dict[str, Any] | None
    idempotency_key: str | None
    canonical_body: bytes
    quote_id: uuid.UUID | None = None
    network_lines: int = 0
    public: bool = False  # shown in the public "what's on" list once confirmed


def booking_command(
    plan: Mapping[str, Any], organizer: Organizer, actor: str, organizer_id: uuid.UUID | None = None
) -> NewBooking:
    """The booking a stored plan asks for (space, time, attendees, title and services)."""
    interpreting, catering = plan["interpreting"], plan["catering"]
    request = BookingRequest(
        space_id=plan["space_id"],
        layout=plan["layout"],
        starts_at=plan["starts_at"],
        ends_at=plan["ends_at"],
        attendees=plan["attendees"],
        time_zone=organizer.time_zone,
        floor_language=interpreting["floor_language"] if interpreting else None,
        target_languages=tuple(interpreting["target_languages"]) if interpreting else (),
        catering_headcount=catering["headcount"] if catering else None,
        catering_menu=catering["menu"] if catering else None,
    )
    return NewBooking(
        request=request,
        title=plan["title"],
        organizer=organizer,
        organizer_id=organizer_id,
        actor=actor,
        interpreting=interpreting,
        catering=catering,
        idempotency_key=None,
        canonical_body=b"",
    )


def organizer_json(organizer: Organizer) -> dict[str, str]:
    """The organizer's contact as the booking row keeps it."""
    return {
        "name": organizer.name,
        "email": organizer.email,
        "locale": organizer.locale,
        "time_zone": organizer.time_zone,
    }
