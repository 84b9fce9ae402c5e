"""The banquet event order of a booking's firm catering plan, printable, for venue staff."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, MediaType, get
from litestar.di import NamedDependency
from litestar.params import FromPath, HeaderParameter

from services.catering.entrypoints.dependencies import CateringDependencies
from services.catering.entrypoints.http.access import require_staff
from services.catering.handlers import beo
from shared.http.problems import ApiError


class BeoController(Controller):
    path = "/orders"
    tags = ["orders"]

    @get("/{booking_id:uuid}/beo", operation_id="GetBanquetEventOrder", media_type=MediaType.TEXT)
    async def banquet_event_order(
        self,
        deps: NamedDependency[CateringDependencies],
        booking_id: FromPath[uuid.UUID],
        authorization: Annotated[str | None, HeaderParameter(name="Authorization")] = None,
    ) -> str:
        """The banquet event order (times, space, menu with allergens, counts, staffing) of the confirmed plan, as plain text."""
        require_staff(authorization, deps.staff_api_keys)
        order = await beo.banquet_event_order(deps.database, deps.menus, booking_id)
        if order is None:
            raise ApiError(
                404, "No confirmed catering order", f"booking {booking_id} has no firm catering plan"
            )
        return order
