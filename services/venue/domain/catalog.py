"""The venue's spaces, layouts and capacities, read from ``catalog.json`` (data, not code).

Divisible rooms share *units*: room A+B occupies units room-a and room-b, so a hold is one row per
unit and the database's exclusion constraint keeps A, B, A+B, B+C and A+B+C from overlapping.
"""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec

CATALOG_PATH = Path(__file__).resolve().parent.parent / "catalog.json"


class Space(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: dict[str, str]
    area_m2: int
    layouts: dict[str, int]
    units: list[str]
    setup_minutes: int
    teardown_minutes: int
    fixed_booths: int = 0
    requires_approval: bool = False
    features: list[str] = []

    @property
    def setup(self) -> timedelta:
        return timedelta(minutes=self.setup_minutes)

    @property
    def teardown(self) -> timedelta:
        return timedelta(minutes=self.teardown_minutes)

    def label(self, locale: str = "en") -> str:
        """The name in ``locale``, else in the same language (zh-Hans -> zh-CN), else in English."""
        if locale in self.name:
            return self.name[locale]
        language = locale.replace("_", "-").split("-")[0].lower()
        same_language = [name for key, name in self.name.items() if key.split("-")[0].lower() == language]
        return same_language[0] if same_language else self.name["en"]


class OpeningHours(msgspec.Struct, frozen=True):
    opens: time
    closes: time


class VenueInfo(msgspec.Struct, frozen=True):
    name: dict[str, str]
    time_zone: str
    opening_hours: OpeningHours
    granularity_minutes: int

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


class Catalog(msgspec.Struct, frozen=True):
    venue: VenueInfo
    spaces: list[Space]

    def space(self, space_id: str) -> Space | None:
        return next((space for space in self.spaces if space.id == space_id), None)


def load_catalog(path: Path = CATALOG_PATH) -> Catalog:
    return msgspec.json.decode(path.read_bytes(), type=Catalog)
