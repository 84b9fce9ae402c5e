"""The banquet event order (BEO): the caterer's printable sheet for one event, from its vendor task.

Pure: it reads only the task (whose ``details`` carry menu, dishes, allergens, counts and staffing), so
the sheet and the message the caterer received always say the same thing. No guest names.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from services.catering.domain.dietary import DIETARY_KEYS
from shared.contracts import VendorTaskAssigned

RULE = "=" * 72


def render_beo(task: VendorTaskAssigned, zone: ZoneInfo, revision: int) -> str:
    """The BEO as plain text, times in the kitchen's zone."""
    details = task.details
    lines = [
        RULE,
        "BANQUET EVENT ORDER",
        f"Booking {task.booking_id}  |  plan revision {revision}  |  task {task.task_id}",
        f"Caterer {task.vendor_id}",
        RULE,
        "",
        f"TIMES ({zone.key})",
        *_times(task, zone),
        "",
        "PLACE",
        f"  Space    {task.space_id}",
        f"  Layout   {details.get('layout') or 'not yet known'}",
        "",
        "MENU",
        f"  {details['menu_name_en']} / {details['menu_name_zh']} ({details['menu']}, {details['service_style']})",
        *[f"  - {dish}" for dish in _strings(details.get("dishes"))],
        f"  Allergens in this menu: {', '.join(_strings(details.get('allergens'))) or 'none'}",
        "",
        "COUNTS",
        f"  Guests (guaranteed)  {details['headcount']}",
        *[f"  {key.replace('_', '-'):<20} {details.get(f'dietary_{key}', 0)}" for key in DIETARY_KEYS],
        f"  Allergy notes        {details.get('allergy_notes') or 'none'}",
        "",
        "STAFFING",
        f"  Servers   {details['servers']}",
        f"  Captains  {details['captains']}",
        RULE,
    ]
    return "\n".join(lines) + "\n"


def _times(task: VendorTaskAssigned, zone: ZoneInfo) -> list[str]:
    named = [
        ("Load-in", task.load_in_at),
        ("Event starts", task.starts_at),
        ("Serve", datetime.fromisoformat(str(task.details["serve_at"]))),
        ("Event ends", task.ends_at),
        ("Load-out", task.load_out_at),
    ]
    return [f"  {name:<13}{moment.astimezone(zone):%Y-%m-%d %H:%M}" for name, moment in named]


def _strings(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []
