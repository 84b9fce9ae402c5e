"""The venue ops API's answers as short text for a terminal. Pure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Answer = Any  # the API's decoded JSON


def sagas(answer: Answer) -> str:
    counts = [
        f"{kind} sagas: " + (", ".join(f"{state} {n}" for state, n in sorted(by_state.items())) or "none")
        for kind, by_state in answer["counts"].items()
    ]
    return "\n".join([*counts, *(_saga(saga) for saga in answer["sagas"])])


def stuck(answer: Answer) -> str:
    head = (
        f"stuck: {len(answer['sagas'])} saga(s) (a step over {answer['grace_seconds']:g} s past its deadline,"
        f" or in flight over {answer['in_flight_seconds']:g} s)"
    )
    lines = [head]
    for saga in answer["sagas"]:
        lines += [_saga(saga), *(f"    because {reason}" for reason in saga["stuck_because"])]
    return "\n".join(lines)


def _saga(saga: Answer) -> str:
    revision = f" rev {saga['revision']}" if saga.get("revision") is not None else ""
    waiting = ", ".join(
        f"{s['step']} {s['state']} (due {s['deadline'] or 'never'})" for s in saga["waiting_on"]
    )
    return (
        f"  {saga['kind']:<7} {saga['booking_id']}{revision}  {saga['state']:<12} since {saga['started_at']}"
        f"  trace {saga['trace_id']}" + (f"  waiting on {waiting}" if waiting else "")
    )


def overdue(answer: Answer) -> str:
    rows = [
        f"  {task['task_id']}  {task['kind']} vendor {task['vendor_id']}  booking {task['booking_id']}"
        f"  due {task['answer_due']} ({task['overdue_seconds']} s overdue)"
        for task in answer
    ]
    return "\n".join([f"overdue vendor tasks: {len(answer)}", *rows])


def health(answer: Answer) -> str:
    lines = [f"status: {answer['status']}"]
    for service in answer["services"]:
        state = (
            "ready" if service["ready"] else f"NOT READY ({service.get('error') or service.get('checks')})"
        )
        lines.append(f"  {service['service']:<13} {state}  waiting messages: {service.get('pending', 0)}")
        lines += [
            f"      {c['stream']}/{c['durable']}: pending {c['num_pending']}, unacknowledged"
            f" {c['num_ack_pending']}, redelivered {c['num_redelivered']}"
            + ("" if c["bound"] else ", NO LISTENER")
            for c in service["consumers"]
        ]
    if answer.get("dead_letters") is not None:
        lines.append(f"dead letters: {answer['dead_letters']}")
    if answer.get("nats_error"):
        lines.append(f"NATS: {answer['nats_error']}")
    return "\n".join(lines)


def failures(answer: Answer) -> str:
    rows = [
        f"  {f['last_attempt_at'] or f['created_at']}  {f['channel']:<8} {f['event']}  to {f['recipient']}"
        f"  booking {f['booking_id']}  after {f['attempts']} attempt(s): {f.get('last_error') or '?'}"
        for f in answer
    ]
    return "\n".join([f"failed notifications: {len(answer)}", *rows])


SHOW: dict[str, Callable[[Answer], str]] = {
    "sagas": sagas,
    "stuck": stuck,
    "overdue": overdue,
    "health": health,
    "failures": failures,
}


def troubled(command: str, answer: Answer) -> bool:
    """Whether the answer reports a problem (the CLI then exits 8, for scripts and monitors)."""
    if command == "health":
        return bool(answer["status"] != "ok")
    if command == "stuck":
        return bool(answer["sagas"])
    return command in ("overdue", "failures") and bool(answer)
