"""Time zones for the API's answers: the venue's and the organizer's; and the 422 for query rules."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from services.venue.domain.access import Principal
from services.venue.domain.catalog import Catalog
from services.venue.entrypoints.schemas.common import Window
from shared.http.problems import ApiError, FieldError

Zones = dict[str, ZoneInfo]


def viewer_zones(catalog: Catalog, viewer: Principal | None, time_zone: str | None) -> Zones:
    """The venue's zone and the organizer's (asked for, else the caller's, else the venue's)."""
    name = time_zone or (viewer.time_zone if viewer else catalog.venue.time_zone)
    try:
        return {"venue": catalog.venue.zone, "organizer": ZoneInfo(name)}
    except (ZoneInfoNotFoundError, ValueError):
        raise invalid([("time_zone", f"unknown IANA time zone {name!r}")]) from None


def invalid(rules: list[tuple[str, str]]) -> ApiError:
    return ApiError(
        422,
        "The request breaks a venue rule",
        "; ".join(f"{field}: {reason}" for field, reason in rules),
        [FieldError(field, reason) for field, reason in rules],
    )


def local_window(starts_at: datetime, ends_at: datetime, zones: Zones) -> dict[str, Window]:
    return {
        name: Window(starts_at=starts_at.astimezone(zone), ends_at=ends_at.astimezone(zone))
        for name, zone in zones.items()
    }
