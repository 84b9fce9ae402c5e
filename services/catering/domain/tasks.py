"""What the caterer is told when an order's plan revision is confirmed: menu, headcount, times, place, staff.

No guest personal data: the caterer needs numbers and times, not names. One task per (booking, caterer);
each message about it has a deterministic id per (task, revision, event).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.catering.domain.menus import Menu, MenuBook, Staffing
from shared.contracts import VendorTaskAssigned
from shared.vendor_tasks.revisions import message_id

KIND = "catering"
TASK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wict.example/catering/vendor-tasks")

# what a VendorTaskChanged names when a field or detail of the task differs from what the caterer was told
CHANGE_NAMES = {
    "starts_at": "time", "ends_at": "time", "load_in_at": "time", "load_out_at": "time", "space_id": "space",
    "menu": "menu", "menu_name_en": "menu", "menu_name_zh": "menu", "service_style": "menu",
    "headcount": "headcount", "meal_period": "meal_period", "serve_at": "serving_time",
    "serve_at_local": "serving_time", "servers": "staff", "captains": "staff",
}  # fmt: skip


@dataclass(frozen=True)
class Crew:
    servers: int
    captains: int


@dataclass(frozen=True)
class ConfirmedOrder:
    booking_id: uuid.UUID
    menu: str
    headcount: int
    meal_period: str
    serve_at: datetime
    space_id: str
    starts_at: datetime
    ends_at: datetime


def crew_for(menu: Menu, headcount: int, staffing: Staffing) -> Crew:
    """One server per ``guests_per_server`` guests; at buffets also one captain per ``guests_per_captain``."""
    servers = math.ceil(headcount / staffing.guests_per_server)
    captains = (
        math.ceil(headcount / staffing.guests_per_captain)
        if menu.service_style in staffing.captain_styles
        else 0
    )
    return Crew(servers, captains)


def task_id(booking_id: uuid.UUID, vendor_id: str) -> str:
    """One task per booking and caterer, whatever the number of confirms: the id is derived, not drawn."""
    return f"catering-{booking_id}-{vendor_id}"


def task_message_id(task: str, revision: int = 0, event: str = "assigned") -> uuid.UUID:
    # a republished message carries the same Nats-Msg-Id, so the stream drops the copy
    return message_id(TASK_NAMESPACE, task, revision, event)


def vendor_task(
    order: ConfirmedOrder, book: MenuBook, causation_id: uuid.UUID | None, revision: int = 0
) -> VendorTaskAssigned:
    menu = book.menu(order.menu)
    assert menu is not None, f"order for a menu no longer offered: {order.menu}"
    crew = crew_for(menu, order.headcount, book.staffing)
    local_serve = book.kitchen.local(order.serve_at)
    summary = (
        f"{menu.label()} for {order.headcount} guests, {order.meal_period} "
        f"{local_serve:%Y-%m-%d %H:%M} ({book.kitchen.time_zone}), {order.space_id}"
    )
    task = task_id(order.booking_id, menu.vendor_id)
    return VendorTaskAssigned(
        message_id=task_message_id(task, revision),
        booking_id=order.booking_id,
        causation_id=causation_id,
        task_id=task,
        kind=KIND,
        vendor_id=menu.vendor_id,
        space_id=order.space_id,
        starts_at=order.starts_at,
        ends_at=order.ends_at,
        load_in_at=order.starts_at - timedelta(minutes=book.staffing.load_in_minutes),
        load_out_at=order.ends_at + timedelta(minutes=book.staffing.load_out_minutes),
        summary=summary,
        details={
            "menu": menu.id,
            "menu_name_en": menu.label("en"),
            "menu_name_zh": menu.label("zh-CN"),
            "service_style": menu.service_style,
            "headcount": order.headcount,
            "meal_period": order.meal_period,
            "serve_at": order.serve_at.isoformat(),
            "serve_at_local": local_serve.isoformat(),
            "servers": crew.servers,
            "captains": crew.captains,
        },
    )
