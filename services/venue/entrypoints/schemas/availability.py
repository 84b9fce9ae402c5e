"""Types of availability: the free windows of every space that fits."""

from __future__ import annotations

from datetime import datetime

import msgspec

from services.venue.entrypoints.schemas.common import Window


class FreeTimes(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    latest_start: datetime
    ends_at: datetime


class FreeWindow(msgspec.Struct, frozen=True, kw_only=True):
    """Book any start from ``starts_at`` to ``latest_start`` on the grid, for the asked duration."""

    starts_at: datetime
    latest_start: datetime
    ends_at: datetime
    local: dict[str, FreeTimes]


class SpaceAvailability(msgspec.Struct, frozen=True, kw_only=True):
    space_id: str
    name: dict[str, str]
    layout: str
    capacity: int  # net: after the floor the asked booths and buffet take
    layout_capacity: int
    requires_approval: bool
    windows: list[FreeWindow]


class Availability(msgspec.Struct, frozen=True, kw_only=True):
    period: Window
    layout: str
    attendees: int
    duration_minutes: int
    time_zones: dict[str, str]  # venue, organizer
    spaces: list[SpaceAvailability]
