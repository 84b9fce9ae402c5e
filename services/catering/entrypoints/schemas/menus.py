"""The menus on offer, as the public API answers them."""

from __future__ import annotations

import msgspec


class Menu(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: dict[str, str]
    service_style: str
    price_per_head_minor: int
    currency: str
    min_headcount: int
    max_headcount: int
    lead_time_hours: int
    meal_periods: list[str]
