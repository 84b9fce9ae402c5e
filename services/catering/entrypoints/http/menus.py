"""The catering service's small public HTTP API: the menus on offer."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency

from services.catering.domain import menus
from services.catering.domain.allergens import menu_allergens
from services.catering.entrypoints.dependencies import CateringDependencies
from services.catering.entrypoints.schemas.menus import Menu, MenuDish
from shared.http.api_docs import PUBLIC


def _menu(menu: menus.Menu) -> Menu:
    # the vendor behind each menu is ours to know, not the public's
    return Menu(
        id=menu.id,
        name=menu.name,
        service_style=menu.service_style,
        price_per_head_minor=menu.price_per_head_minor,
        currency=menu.currency,
        min_headcount=menu.min_headcount,
        max_headcount=menu.max_headcount,
        lead_time_hours=menu.lead_time_hours,
        meal_periods=menu.meal_periods,
        dishes=[MenuDish(name={"en": d.name, **d.names}, allergens=d.allergens) for d in menu.dishes],
        allergens=menu_allergens(menu),
    )


class MenusController(Controller):
    path = "/menus"
    security = PUBLIC
    tags = ["menus"]

    @get("/", operation_id="ListMenus", sync_to_thread=False)
    def list_menus(self, deps: NamedDependency[CateringDependencies]) -> list[Menu]:
        """The menus on offer: names in English and Chinese, price per head, headcounts, notice, meal
        periods, and each dish with its allergens (the 14 EU allergens)."""
        return [_menu(menu) for menu in deps.menus.menus]
