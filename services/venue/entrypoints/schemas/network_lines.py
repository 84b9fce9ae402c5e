"""Types of the international network lines' availability."""

from __future__ import annotations

from datetime import datetime

import msgspec

from services.venue.entrypoints.schemas.common import Window


class LineAvailability(msgspec.Struct, frozen=True, kw_only=True):
    line_id: str
    bandwidth_mbps: int
    busy: list[Window]


class NetworkAvailability(msgspec.Struct, frozen=True, kw_only=True):
    starts_at: datetime
    ends_at: datetime
    free_throughout: int
    lines: list[LineAvailability]
