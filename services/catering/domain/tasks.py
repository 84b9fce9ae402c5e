"""What the caterer is told when an order is confirmed: menu, headcount, times, place and staff.

No guest personal data: the caterer needs numbers and times, not names.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.catering.domain.menus import Menu, MenuBook, Staffing
from shared.contracts import VendorTaskAssigned

KIND = "catering"
_TASK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wict.example/catering/vendor-tasks")


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


def task_id(booking_id: uuid.UUID) -> str:
    """One task per booking, whatever the number of confirms: the id is derived, not drawn."""
    return f"catering-{booking_id}"


def task_message_id(booking_id: uuid.UUID) -> uuid.UUID:
    # a republished task carries the same Nats-Msg-Id, so the stream drops the copy
    return uuid.uuid5(_TASK_NAMESPACE, task_id(booking_id))


def vendor_task(order: ConfirmedOrder, book: MenuBook, causation_id: uuid.UUID | None) -> VendorTaskAssigned:
    menu = book.menu(order.menu)
    assert menu is not None, f"order for a menu no longer offered: {order.menu}"
    crew = crew_for(menu, order.headcount, book.staffing)
    local_serve = book.kitchen.local(order.serve_at)
    summary = (
        f"{menu.label()} for {order.headcount} guests, {order.meal_period} "
        f"{local_serve:%Y-%m-%d %H:%M} ({book.kitchen.time_zone}), {order.space_id}"
    )
    return VendorTaskAssigned(
        message_id=task_message_id(order.booking_id),
        booking_id=order.booking_id,
        causation_id=causation_id,
        task_id=task_id(order.booking_id),
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
