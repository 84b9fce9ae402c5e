"""What the caterer is told when an order's plan revision is confirmed: menu, headcount, times, place, staff.

No guest personal data: the caterer needs numbers and times, not names. One task per (booking, caterer);
each message about it has a deterministic id per (task, revision, event).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from services.catering.domain.allergens import dish_lines, menu_allergens
from services.catering.domain.dietary import DIETARY_KEYS
from services.catering.domain.menus import Menu, MenuBook, Staffing
from shared.contracts import CateringTaskStateChanged, VendorTaskAssigned
from shared.participant.domain.task_kind import TaskKind
from shared.participant.domain.task_revisions import message_id

KIND = "catering"
TASK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wict.example/catering/vendor-tasks")

# what a VendorTaskChanged names when a field or detail of the task differs from what the caterer was told
CHANGE_NAMES = {
    "starts_at": "time",
    "ends_at": "time",
    "load_in_at": "time",
    "load_out_at": "time",
    "space_id": "space",
    "menu": "menu",
    "menu_name_en": "menu",
    "menu_name_zh": "menu",
    "service_style": "menu",
    "headcount": "headcount",
    "meal_period": "meal_period",
    "serve_at": "serving_time",
    "serve_at_local": "serving_time",
    "servers": "staff",
    "captains": "staff",
    "dishes": "menu",
    "allergens": "menu",
    "layout": "layout",
    "allergy_notes": "dietary",
    **{f"dietary_{key}": "dietary" for key in DIETARY_KEYS},
}


TASKS = TaskKind(KIND, TASK_NAMESPACE, CHANGE_NAMES, CateringTaskStateChanged)


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
    dietary: dict[str, int] = field(default_factory=dict)
    allergy_notes: str = ""
    layout: str = ""


def crew_for(menu: Menu, headcount: int, staffing: Staffing) -> Crew:
    """Servers and captains for ``headcount`` guests at the ratios of the menu's service style."""
    ratio = staffing.styles[menu.service_style]
    return Crew(
        math.ceil(headcount / ratio.guests_per_server), math.ceil(headcount / ratio.guests_per_captain)
    )


def task_id(booking_id: uuid.UUID, vendor_id: str) -> str:
    """One task per booking and caterer, whatever the number of confirms: the id is derived, not drawn."""
    return f"catering-{booking_id}-{vendor_id}"


def task_message_id(task: str, revision: int = 0, event: str = "assigned") -> uuid.UUID:
    # a republished message carries the same Nats-Msg-Id, so the stream drops the copy
    return message_id(TASK_NAMESPACE, task, revision, event)


def choose_caterer(
    candidates: Sequence[str], current: Sequence[str], never_again: Collection[str]
) -> str | None:
    """Who caters: the menu's first choice (``candidates[0]``) unless it declined or let a deadline pass
    on this booking; then the caterer already on the booking if it serves the menu; then the next one."""
    allowed = [vendor for vendor in candidates if vendor not in never_again]
    if not allowed:
        return None
    if allowed[0] == candidates[0]:
        return allowed[0]
    return next((vendor for vendor in current if vendor in allowed), allowed[0])


def no_caterer_left(order: ConfirmedOrder, book: MenuBook) -> str:
    """What is missing when every caterer of the menu is out: said like a rejection reason."""
    menu = book.menu(order.menu)
    label = menu.label() if menu else order.menu
    local = f"{book.kitchen.local(order.serve_at):%Y-%m-%d %H:%M} ({book.kitchen.time_zone})"
    return f"no caterer for the {label} for {order.headcount} guests on {local}: every caterer serving it has declined"


def vendor_task(
    order: ConfirmedOrder,
    book: MenuBook,
    causation_id: uuid.UUID | None,
    revision: int = 0,
    vendor_id: str | None = None,
) -> VendorTaskAssigned:
    """The caterer's task for a confirmed order: the menu's first choice unless ``vendor_id`` says who."""
    menu = book.menu(order.menu)
    assert menu is not None, f"order for a menu no longer offered: {order.menu}"
    vendor_id = vendor_id or menu.vendor_id
    crew = crew_for(menu, order.headcount, book.staffing)
    local_serve = book.kitchen.local(order.serve_at)
    summary = (
        f"{menu.label()} for {order.headcount} guests, {order.meal_period} "
        f"{local_serve:%Y-%m-%d %H:%M} ({book.kitchen.time_zone}), {order.space_id}"
    )
    task = task_id(order.booking_id, vendor_id)
    return VendorTaskAssigned(
        message_id=task_message_id(task, revision),
        booking_id=order.booking_id,
        causation_id=causation_id,
        task_id=task,
        kind=KIND,
        vendor_id=vendor_id,
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
            "dishes": dish_lines(menu),
            "allergens": menu_allergens(menu),
            "layout": order.layout,
            "allergy_notes": order.allergy_notes,
            **{f"dietary_{key}": order.dietary.get(key, 0) for key in DIETARY_KEYS},
        },
    )
