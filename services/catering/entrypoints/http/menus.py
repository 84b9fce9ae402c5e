"""The catering service's small public HTTP API: the menus on offer."""

from __future__ import annotations

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency

from services.catering.entrypoints.dependencies import CateringDependencies
from services.catering.entrypoints.schemas.menus import Menu
from shared.http.api_docs import PUBLIC


class MenusController(Controller):
    path = "/menus"
    security = PUBLIC
    tags = ["menus"]

    @get("/", operation_id="ListMenus", sync_to_thread=False)
    def list_menus(self, deps: NamedDependency[CateringDependencies]) -> list[Menu]:
        """The menus on offer: names in English and Chinese, price per head, headcounts, notice, meal periods."""
        # the vendor behind each menu is ours to know, not the public's
        return [msgspec.convert(msgspec.to_builtins(menu), Menu) for menu in deps.menus.menus]
