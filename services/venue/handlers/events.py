"""Booking events as the use cases stage them: built from the booking's row as it is in the unit."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC
from typing import Any

from services.venue.adapters.unit_of_work import VenueUnit
from services.venue.domain import messages
from services.venue.domain.catalog import Catalog
from shared.contracts import BookingEvent


async def booking_event(
    unit: VenueUnit,
    booking_id: uuid.UUID,
    catalog: Catalog,
    event_type: type[BookingEvent],
    causation_id: uuid.UUID | None = None,
    row: Mapping[str, Any] | None = None,
    **fields: Any,
) -> BookingEvent:
    """An event about the booking, with what every booking event carries read from its row; ``row`` is
    that row when the unit of work holds it already (just written, or locked), which saves reading it."""
    if row is None:
        row = await unit.bookings.get(booking_id)
        assert row is not None
    else:  # times as the database gives them back: in UTC
        row = {
            **row,
            "starts_at": row["starts_at"].astimezone(UTC),
            "ends_at": row["ends_at"].astimezone(UTC),
        }
    return messages.booking_event(row, catalog, event_type, causation_id, **fields)
