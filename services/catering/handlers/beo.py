"""The banquet event order of a booking's firm catering plan: what the kitchen and the floor staff print."""

from __future__ import annotations

import uuid

from services.catering.adapters.repository import ORDERS, confirmed_order
from services.catering.domain.beo import render_beo
from services.catering.domain.menus import MenuBook
from services.catering.domain.tasks import vendor_task
from shared.db.unit_of_work import Database
from shared.participant.adapters import vendor_tasks


async def banquet_event_order(database: Database, book: MenuBook, booking_id: uuid.UUID) -> str | None:
    """The confirmed plan's banquet event order as plain text; None if the booking has no firm plan."""
    async with database.connection() as connection:
        known = await ORDERS.revisions(connection, booking_id)
        tasks = await vendor_tasks.tasks(connection, booking_id)
    firm = known.get(known.confirmed) if known.confirmed is not None else None
    if firm is None or book.menu(firm["menu"]) is None:
        return None
    caterer = next((row["vendor_id"] for row in tasks if row["live"]), None)  # who took the order, if anyone
    task = vendor_task(confirmed_order(firm), book, None, firm["revision"], caterer)
    return render_beo(task, book.kitchen.zone, firm["revision"])
