"""Menus, the kitchen's meal periods and capacities, and staffing ratios, read from ``menus.json``."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec

from services.catering.domain.allergens import Dish, mislabelled

MENUS_PATH = Path(__file__).resolve().parent.parent / "menus.json"


class MealPeriod(msgspec.Struct, frozen=True, kw_only=True):
    """A service window of the kitchen (local time, half-open) and the covers it can serve per day."""

    name: str
    starts: time
    ends: time
    covers: int

    def contains(self, local: time) -> bool:
        return self.starts <= local < self.ends

    @property
    def hours(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"


class Kitchen(msgspec.Struct, frozen=True, kw_only=True):
    time_zone: str
    meal_periods: list[MealPeriod]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def period_at(self, moment: datetime) -> MealPeriod | None:
        """The meal period a serving time falls in, in the kitchen's zone; None outside service hours."""
        local = self.local(moment).time()
        return next((period for period in self.meal_periods if period.contains(local)), None)

    def period(self, name: str) -> MealPeriod | None:
        return next((period for period in self.meal_periods if period.name == name), None)

    @property
    def hours(self) -> str:
        return f"{self.meal_periods[0].starts:%H:%M}–{self.meal_periods[-1].ends:%H:%M}"


class StyleRatio(msgspec.Struct, frozen=True, kw_only=True):
    """How many guests one server and one captain look after, for one service style."""

    guests_per_server: int
    guests_per_captain: int


class Staffing(msgspec.Struct, frozen=True, kw_only=True):
    styles: dict[str, StyleRatio]
    load_in_minutes: int = 60
    load_out_minutes: int = 60


class Menu(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: dict[str, str]
    service_style: str
    price_per_head_minor: int
    currency: str = "CNY"
    min_headcount: int
    max_headcount: int
    lead_time_hours: int = 72
    meal_periods: list[str]
    vendor_id: str
    dishes: list[Dish] = []

    def label(self, locale: str = "en") -> str:
        return self.name.get(locale) or self.name["en"]


class Caterer(msgspec.Struct, frozen=True, kw_only=True):
    """A caterer we can hand a menu's work to (a menu's own ``vendor_id`` is its first choice)."""

    vendor_id: str
    name: dict[str, str]
    menus: list[str]


class MenuBook(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the catering rules read: the kitchen, the staffing ratios, the menus and the caterers."""

    kitchen: Kitchen
    staffing: Staffing
    menus: list[Menu]
    caterers: list[Caterer] = []

    def menu(self, menu_id: str) -> Menu | None:
        return next((menu for menu in self.menus if menu.id == menu_id), None)

    def caterers_for(self, menu: Menu) -> list[str]:
        """Who can serve ``menu``: its first choice, then the other caterers serving it, in listed order."""
        others = [caterer.vendor_id for caterer in self.caterers if menu.id in caterer.menus]
        return list(dict.fromkeys([menu.vendor_id, *others]))


def load_menus(path: Path = MENUS_PATH) -> MenuBook:
    """The menu book in ``path``; a dish labelled with an unknown allergen or a style without ratios stops start-up."""
    book = msgspec.json.decode(path.read_bytes(), type=MenuBook)
    problems = [*mislabelled(book.menus)]
    problems += [
        f"{m.id}: no staffing for style {m.service_style!r}"
        for m in book.menus
        if m.service_style not in book.staffing.styles
    ]
    problems += [
        f"caterer {c.vendor_id}: no menu {menu!r}"
        for c in book.caterers
        for menu in c.menus
        if book.menu(menu) is None
    ]
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return book
