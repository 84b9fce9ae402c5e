"""The menus on offer, as the public API answers them."""

from __future__ import annotations

import msgspec


class MenuDish(msgspec.Struct, frozen=True, kw_only=True):
    name: dict[str, str]  # by locale: "en" always, "zh-CN" when the menu book has it
    allergens: list[str]  # of the 14 EU allergens, as the regulation names them in English


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
    dishes: list[MenuDish]
    allergens: list[str]  # every allergen of any dish, once each, in the regulation's order
