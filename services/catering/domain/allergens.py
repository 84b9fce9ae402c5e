"""The 14 allergens EU Regulation 1169/2011 requires caterers to declare, and those of a menu."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import msgspec

from shared.contracts.allergens import EU_ALLERGENS


class Dish(msgspec.Struct, frozen=True, kw_only=True):
    """A dish of a menu and the EU allergens it contains (names as in ``EU_ALLERGENS``)."""

    name: str  # in English, as the caterer's papers print it
    names: dict[str, str] = {}  # the name in other languages, by locale (e.g. "zh-CN")
    allergens: list[str] = []


class Menu(Protocol):
    """A menu as far as its allergens go (``menus.Menu``, which checks its dishes with this module)."""

    @property
    def id(self) -> str: ...

    @property
    def dishes(self) -> Sequence[Dish]: ...


def menu_allergens(menu: Menu) -> list[str]:
    """Every allergen in any dish of ``menu``, once each, in the regulation's order."""
    present = {allergen for dish in menu.dishes for allergen in dish.allergens}
    return [allergen for allergen in EU_ALLERGENS if allergen in present]


def dish_lines(menu: Menu) -> list[str]:
    """Each dish with its allergens, e.g. ``Egg fried rice (allergens: eggs)``, for the caterer's papers."""
    return [f"{dish.name} (allergens: {', '.join(dish.allergens) or 'none'})" for dish in menu.dishes]


def mislabelled(menus: Iterable[Menu]) -> list[str]:
    """Dishes labelled with something that is not one of the 14 allergens (a typo would hide an allergen)."""
    return [
        f"{menu.id}: dish {dish.name!r} has unknown allergen {allergen!r}"
        for menu in menus
        for dish in menu.dishes
        for allergen in dish.allergens
        if allergen not in EU_ALLERGENS
    ]
