"""What the client prints: readable text for people, JSON (--json) for programs. Pure.

Times are shown in one zone (the venue's unless --tz says otherwise), with their UTC offset; JSON keeps
the contracts' ISO 8601 UTC times.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from clients.vendor.answers import AnswerResult
from clients.vendor.errors import UsageError
from clients.vendor.identity import Vendor
from clients.vendor.lookup import short_ref
from shared.contracts.tasks import VendorTaskChanged, VendorTaskMessage, VendorTaskView

_COLUMNS = ("BOOKING", "STATE", "ANSWER BY", "STARTS", "SPACE", "SUMMARY")
_NEXT_STEP = {
    "awaiting_answer": "accept or decline",
    "accepted": "done when the work is done, or decline",
}


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone {name!r} (an IANA name, like Asia/Shanghai)") from None


def when(moment: datetime | None, tz: ZoneInfo, offset: bool = False) -> str:
    if moment is None:
        return "-"
    local = moment.astimezone(tz)
    return f"{local:%Y-%m-%d %H:%M}" + (f" {local.isoformat()[-6:]}" if offset else "")


def as_json(value: Any) -> str:
    return msgspec.json.encode(value).decode()


def task_table(tasks: Sequence[VendorTaskView], vendor: Vendor, tz: ZoneInfo, closed: bool) -> str:
    which = "Tasks" if closed else "Open tasks"
    title = f"{which} of {vendor.vendor_id} ({vendor.kind}), times in {tz.key}"
    if not tasks:
        return f"{title}: none."
    rows = [_COLUMNS] + [
        (
            short_ref(view),
            view.state,
            when(view.answer_due, tz),
            when(view.work.starts_at, tz) if view.work else "-",
            view.work.space_id if view.work else "-",
            view.work.summary if view.work else "(withdrawn)",
        )
        for view in tasks
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS) - 1)]
    lines = [
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]]) for row in rows
    ]
    return "\n".join([f"{title}:", *(line.rstrip() for line in lines)])


def task_detail(view: VendorTaskView, tz: ZoneInfo) -> str:
    state: str = view.state
    if view.state in _NEXT_STEP:
        due = f", answer by {when(view.answer_due, tz, offset=True)}" if view.answer_due else ""
        state += f" ({_NEXT_STEP[view.state]}{due})"
    lines = [("task", view.task_id), ("booking", str(view.booking_id)), ("state", state)]
    work = view.work
    if work is not None:
        lines += [
            ("summary", work.summary),
            ("space", work.space_id),
            ("event", f"{when(work.starts_at, tz)} - {when(work.ends_at, tz, offset=True)}"),
            ("load in", when(work.load_in_at, tz, offset=True)),
            ("load out", when(work.load_out_at, tz, offset=True)),
        ]
    lines.append(("in_reply_to", str(view.in_reply_to) if view.in_reply_to else "-"))  # what an answer names
    width = max(len(label) for label, _ in lines)
    text = [f"{label.ljust(width)}  {value}" for label, value in lines]
    if work is not None and work.details:
        text.append("details")
        text += _details(work.details)
    return "\n".join(text)


def answer_text(result: AnswerResult) -> str:
    task = f"task {result.task_id} (booking {str(result.booking_id)[:8]})"
    if not result.sent:
        return f"nothing sent: {task} is {result.state} already"
    again = " (sent before: the platform kept the first copy)" if result.duplicate else ""
    if result.state == "sent":
        return f"{result.answer}: sent for {task}{again}; `show` tells when the platform has applied it"
    after = {
        "escalated": ": no other vendor could take the work, the venue's staff take it over",
        "declined": ": the work goes to another vendor",
    }.get(result.state, "")
    return f"{result.answer}: {task} is {result.state} now{after}{again}"


def event_text(event: str, message: VendorTaskMessage, tz: ZoneInfo) -> str:
    """One line per task event of ``watch``."""
    head = f"{when(message.occurred_at, tz, offset=True)}  {event:<9}  {str(message.booking_id)[:8]}  {message.task_id}"
    work = getattr(message, "summary", None)
    if isinstance(message, VendorTaskChanged) and message.changes:
        head += f"  changed: {', '.join(message.changes)}"
    if work:
        return f"{head}\n    {work}; starts {when(getattr(message, 'starts_at', None), tz, offset=True)}"
    reason = getattr(message, "reason", "")
    return f"{head}\n    {reason}" if reason else head


def event_json(event: str, message: VendorTaskMessage) -> str:
    return as_json({"event": event, "task": message})


def _details(details: dict[str, Any]) -> list[str]:
    width = max(len(name) for name in details)
    lines = []
    for name, value in details.items():
        if isinstance(value, list):
            lines.append(f"  {name}:" if value else f"  {name.ljust(width)}  -")
            lines += [f"    - {item}" for item in value]
        else:
            lines.append(f"  {name.ljust(width)}  {value if value != '' else '-'}")
    return lines
