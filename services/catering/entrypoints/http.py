"""The catering service's small public HTTP API: the menus on offer."""

from __future__ import annotations

import msgspec
from litestar import Controller, get

from services.catering.domain.menus import MenuBook
from shared.service import Context


class MenuOut(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    name: dict[str, str]
    service_style: str
    price_per_head_minor: int
    currency: str
    min_headcount: int
    max_headcount: int
    lead_time_hours: int
    meal_periods: list[str]


class MenusController(Controller):
    path = "/menus"
    tags = ["menus"]

    @get("/", operation_id="ListMenus", sync_to_thread=False)
    def list_menus(self, context: Context) -> list[MenuOut]:
        """The menus on offer: names in English and Chinese, price per head, headcounts, notice, meal periods."""
        book: MenuBook = context.state["menus"]
        # the vendor behind each menu is ours to know, not the public's
        return [msgspec.convert(msgspec.to_builtins(menu), MenuOut) for menu in book.menus]
