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


class MobileBooth(msgspec.Struct, frozen=True, kw_only=True):
    """ISO 4043 mobile booth footprint plus the clearance around it."""

    width_m: float = 2.5
    depth_m: float = 1.7
    clearance_m: float = 1.5

    @property
    def floor_m2(self) -> float:
        return (self.width_m + self.clearance_m) * (self.depth_m + self.clearance_m)


class FloorUse(msgspec.Struct, frozen=True, kw_only=True):
    """Floor per seat in each layout, and the floor that booths and buffets take from the seats."""

    m2_per_seat: dict[str, float] = {}
    mobile_booth: MobileBooth = MobileBooth()
    buffet_m2_per_guest: float = 0.5
    buffet_line_m2: float = 10.0
    buffet_line_guests: int = 100
    buffet_menus: list[str] = []


class Changeover(msgspec.Struct, frozen=True, kw_only=True):
    between: list[str]
    minutes: int


class Changeovers(msgspec.Struct, frozen=True, kw_only=True):
    """Setup time when a space changes layout from the previous booking's (e.g. banquet -> theater)."""

    default_minutes: int = 0
    pairs: list[Changeover] = []

    def minutes(self, before: str, after: str) -> int:
        if before == after:
            return 0
        pair = {before, after}
        return next((c.minutes for c in self.pairs if set(c.between) == pair), self.default_minutes)

    @property
    def longest(self) -> timedelta:
        return timedelta(minutes=max([self.default_minutes, *(c.minutes for c in self.pairs)]))


class VenueInfo(msgspec.Struct, frozen=True):
    name: dict[str, str]
    time_zone: str
    opening_hours: OpeningHours
    granularity_minutes: int
    min_notice_hours: int = 0
    max_advance_days: int = 3650
    min_duration_minutes: int = 30
    max_duration_days: int = 14
    floor_use: FloorUse = FloorUse()
    changeover: Changeovers = Changeovers()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def min_notice(self) -> timedelta:
        return timedelta(hours=self.min_notice_hours)

    @property
    def max_advance(self) -> timedelta:
        return timedelta(days=self.max_advance_days)

    @property
    def min_duration(self) -> timedelta:
        return timedelta(minutes=self.min_duration_minutes)

    @property
    def max_duration(self) -> timedelta:
        return timedelta(days=self.max_duration_days)


class Catalog(msgspec.Struct, frozen=True):
    venue: VenueInfo
    spaces: list[Space]

    def space(self, space_id: str) -> Space | None:
        return next((space for space in self.spaces if space.id == space_id), None)


def load_catalog(path: Path = CATALOG_PATH) -> Catalog:
    return msgspec.json.decode(path.read_bytes(), type=Catalog)
