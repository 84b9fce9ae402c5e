"""Vendor tasks: what each agency must do for a confirmed plan revision. No guest personal data.

One task per (booking, agency), with a deterministic id; each message about it has a deterministic id
per (task, revision, event), so handling a confirmation twice can never tell an agency twice (the
database keeps the tasks; JetStream drops a second copy of a message).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from itertools import groupby
from zoneinfo import ZoneInfo

from services.interpreting.domain.plan import Plan
from services.interpreting.domain.reasons import when
from shared.contracts import InterpretingTaskStateChanged, VendorTaskAssigned
from shared.participant.domain.task_kind import TaskKind
from shared.participant.domain.task_revisions import message_id

KIND = "interpreting"
TASK_NAMESPACE = uuid.UUID("6f1d3c2a-6d55-4a53-9a63-0c0f3f7a2b11")

# what a VendorTaskChanged names when a field or detail of the task differs from what the agency was told
CHANGE_NAMES = {
    "starts_at": "time",
    "ends_at": "time",
    "load_in_at": "time",
    "load_out_at": "time",
    "local_time": "time",
    "space_id": "space",
    "booths": "booths",
    "interpreters": "team",
    "seats": "team",
    "team_per_booth": "team",
    "language_pairs": "languages",
    "relay": "languages",
    "mode": "mode",
    "listeners": "listeners",
    "receivers": "listeners",
}

TASKS = TaskKind(KIND, TASK_NAMESPACE, CHANGE_NAMES, InterpretingTaskStateChanged)


@dataclass(frozen=True)
class Seat:
    booth_id: str
    target_language: str
    interpreter_id: str
    vendor_id: str


def task_id(booking_id: uuid.UUID, vendor_id: str) -> str:
    return f"{KIND}-{booking_id}-{vendor_id}"


def task_message_id(task: str, revision: int = 0, event: str = "assigned") -> uuid.UUID:
    return message_id(TASK_NAMESPACE, task, revision, event)


def vendor_tasks(
    booking_id: uuid.UUID,
    plan: Plan,
    seats: list[Seat],
    causation_id: uuid.UUID | None,
    zone: ZoneInfo,
    revision: int = 0,
) -> list[VendorTaskAssigned]:
    """One task per agency with interpreters on the plan, listing only that agency's seats."""
    ordered = sorted(seats, key=lambda seat: (seat.vendor_id, seat.booth_id, seat.interpreter_id))
    period = when(plan.starts_at, plan.ends_at, zone)
    tasks = []
    for vendor_id, group in groupby(ordered, key=lambda seat: seat.vendor_id):
        own = list(group)
        booths = list(dict.fromkeys(seat.booth_id for seat in own if seat.booth_id))
        pairs = list(
            dict.fromkeys(f"{plan.source_of(seat.target_language)}→{seat.target_language}" for seat in own)
        )
        relays = [
            relay_text(plan, seat.target_language)
            for seat in own
            if plan.source_of(seat.target_language) != plan.floor_language
        ]
        task = task_id(booking_id, vendor_id)
        assigned = VendorTaskAssigned(
            message_id=task_message_id(task, revision),
            booking_id=booking_id,
            causation_id=causation_id,
            task_id=task,
            kind=KIND,
            vendor_id=vendor_id,
            space_id=plan.space_id,
            starts_at=plan.starts_at,
            ends_at=plan.ends_at,
            load_in_at=plan.load_in_at,
            load_out_at=plan.load_out_at,
            summary=_summary(plan, pairs, period, len(own), booths, list(dict.fromkeys(relays))),
            details=_details(plan, own, booths, pairs, period, list(dict.fromkeys(relays))),
        )
        tasks.append(assigned)
    return tasks


def relay_text(plan: Plan, target: str) -> str:
    """``th→en→lo``: the floor, the pivot booth and the target of a relayed booth."""
    return f"{plan.floor_language}→{plan.source_of(target)}→{target}"


def _summary(
    plan: Plan, pairs: list[str], period: str, team: int, booths: list[str], relays: list[str]
) -> str:
    if plan.mode == "consecutive":
        return f"Consecutive interpretation {', '.join(pairs)} in {plan.space_id}, {period}: {team} interpreter(s), no booth"
    relay = f" (relay: {', '.join(relays)})" if relays else ""
    return (
        f"Simultaneous interpretation {', '.join(pairs)}{relay} in {plan.space_id}, {period}: "
        f"{team} interpreter(s) in booth(s) {', '.join(booths)}"
    )


def _details(
    plan: Plan, own: list[Seat], booths: list[str], pairs: list[str], period: str, relays: list[str]
) -> dict[str, str | int | list[str]]:
    details: dict[str, str | int | list[str]] = {
        "mode": plan.mode,
        "booths": booths,
        "interpreters": [seat.interpreter_id for seat in own],
        "language_pairs": pairs,
        "seats": [
            f"{s.booth_id or plan.mode} {plan.source_of(s.target_language)}→{s.target_language}: {s.interpreter_id}"
            for s in own
        ],
        "team_per_booth": plan.team_per_booth,
        "listeners": plan.attendees,
        "receivers": plan.receivers,
        "local_time": period,
    }
    if relays:
        details["relay"] = relays
    return details
