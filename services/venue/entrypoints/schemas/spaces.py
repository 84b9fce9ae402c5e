"""Types of the venue's spaces."""

from __future__ import annotations

import msgspec


class Layout(msgspec.Struct, frozen=True):
    name: str
    capacity: int


class Space(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: dict[str, str]
    area_m2: int
    layouts: list[Layout]
    combines: list[str]
    setup_minutes: int
    teardown_minutes: int
    fixed_interpretation_booths: int
    requires_approval: bool
    features: list[str]
