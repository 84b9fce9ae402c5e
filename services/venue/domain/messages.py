"""The messages the venue sends: the saga's commands to its participants and its booking events."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from services.venue.domain.catalog import Catalog
from services.venue.domain.commands import NewBooking
from shared.contracts import (
    BookingCancelled,
    BookingEvent,
    ConfirmCatering,
    ConfirmInterpreting,
    Message,
    Organizer,
    ReleaseCatering,
    ReleaseInterpreting,
    ReserveCatering,
    ReserveInterpreting,
)

_CONFIRM: dict[str, Callable[..., Message]] = {
    "interpreting": ConfirmInterpreting,
    "catering": ConfirmCatering,
}
_RELEASE: dict[str, Callable[..., Message]] = {
    "interpreting": ReleaseInterpreting,
    "catering": ReleaseCatering,
}


def reserve_command(step: str, booking_id: uuid.UUID, command: NewBooking, revision: int = 0) -> Message:
    request = command.request
    if step == "interpreting":
        return ReserveInterpreting(
            booking_id=booking_id,
            revision=revision,
            space_id=request.space_id,
            starts_at=request.starts_at,
            ends_at=request.ends_at,
            floor_language=request.floor_language or "",
            target_languages=list(request.target_languages),
            attendees=request.attendees,
        )
    assert command.catering is not None
    return ReserveCatering(
        booking_id=booking_id,
        revision=revision,
        space_id=request.space_id,
        starts_at=request.starts_at,
        ends_at=request.ends_at,
        menu=command.catering["menu"],
        headcount=command.catering["headcount"],
        serve_at=command.catering.get("serve_at") and datetime.fromisoformat(command.catering["serve_at"]),
        dietary=command.catering.get("dietary") or {},
        allergy_notes=command.catering.get("allergy_notes", ""),
        layout=request.layout,
    )


def confirm_command(
    step: str, booking_id: uuid.UUID, revision: int, causation_id: uuid.UUID | None
) -> Message:
    return _CONFIRM[step](booking_id=booking_id, revision=revision, causation_id=causation_id)


def release_command(
    step: str, booking_id: uuid.UUID, revision: int, causation_id: uuid.UUID | None
) -> Message:
    return _RELEASE[step](booking_id=booking_id, revision=revision, causation_id=causation_id)


def booking_event(
    row: Mapping[str, Any],
    catalog: Catalog,
    event_type: type[BookingEvent],
    causation_id: uuid.UUID | None = None,
    **fields: Any,
) -> BookingEvent:
    """An event about the booking ``row``, with what every booking event carries."""
    space = catalog.space(row["space_id"])
    organizer = Organizer(**row["organizer"])
    if "services" in event_type.__struct_fields__:
        fields.setdefault("services", [name for name in ("interpreting", "catering") if row[name]])
    if event_type is BookingCancelled:
        fields |= {"fee_minor": row["fee_minor"] or 0, "currency": row["currency"]}
    return event_type(
        booking_id=row["id"],
        causation_id=causation_id,
        title=row["title"],
        space_id=row["space_id"],
        space_name=space.label(organizer.locale) if space else row["space_id"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        organizer=organizer,
        **fields,
    )
