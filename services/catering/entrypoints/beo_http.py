"""The banquet event order of a booking's firm catering plan, printable, for venue staff."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, MediaType, get
from litestar.di import NamedDependency
from litestar.params import FromPath, HeaderParameter

from services.catering.adapters.revisions import revisions
from services.catering.domain.beo import render_beo
from services.catering.domain.menus import MenuBook
from services.catering.domain.tasks import vendor_task
from services.catering.entrypoints.access import require_staff
from services.catering.vendor_work import confirmed_order
from shared.http.problems import ApiError
from shared.service import Context
from shared.vendor_tasks import store as task_store


class BeoController(Controller):
    path = "/orders"
    tags = ["orders"]

    @get("/{booking_id:uuid}/beo", operation_id="GetBanquetEventOrder", media_type=MediaType.TEXT)
    async def banquet_event_order(
        self,
        context: NamedDependency[Context],
        booking_id: FromPath[uuid.UUID],
        authorization: Annotated[str | None, HeaderParameter(name="Authorization")] = None,
    ) -> str:
        """The banquet event order (times, space, menu with allergens, counts, staffing) of the confirmed plan, as plain text."""
        require_staff(authorization, context.config.staff_api_keys)
        book: MenuBook = context.state["menus"]
        async with context.database.connection() as connection:
            known = await revisions(connection, booking_id)
            tasks = await task_store.tasks(connection, booking_id)
        firm = known.get(known.confirmed) if known.confirmed is not None else None
        if firm is None or book.menu(firm["menu"]) is None:
            raise ApiError(
                404, "No confirmed catering order", f"booking {booking_id} has no firm catering plan"
            )
        caterer = next(
            (row["vendor_id"] for row in tasks if row["live"]), None
        )  # who took the order, if anyone
        task = vendor_task(confirmed_order(firm), book, None, firm["revision"], caterer)
        return render_beo(task, book.kitchen.zone, firm["revision"])
