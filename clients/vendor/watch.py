"""`watch`: the vendor's task events as they arrive, pulled from its durable consumer on stream TASKS.

Each event is printed, then acknowledged: an event is never lost to a crash between the two, but one
printed just before an interruption may be printed again by the next `watch`. Ctrl-C (or SIGTERM) stops
between two pulls or in the middle of one; the caller treats that as a clean end.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec
from nats.aio.msg import Msg

from clients.vendor.session import VendorSession
from shared.contracts.tasks import (
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskMessage,
)

EVENTS: dict[str, type[VendorTaskMessage]] = {
    "assigned": VendorTaskAssigned,
    "changed": VendorTaskChanged,
    "cancelled": VendorTaskCancelled,
}
PULL_WAIT_SECONDS = 5.0

Show = Callable[[str, VendorTaskMessage], None]
Complain = Callable[[str], None]


def decode(event: Msg) -> tuple[str, VendorTaskMessage]:
    """(assigned|changed|cancelled, the message) of a task event; ValueError if it is none of them."""
    name = event.subject.rsplit(".", 1)[-1]
    if name not in EVENTS:
        raise ValueError(f"not a task event: {event.subject}")
    try:
        return name, msgspec.json.decode(event.data, type=EVENTS[name])
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        raise ValueError(f"unreadable {name} event on {event.subject}: {error}") from None


async def watch(session: VendorSession, show: Show, complain: Complain, limit: int | None = None) -> int:
    """Show each task event, then ack it; runs until cancelled (or ``limit`` events). Returns the count."""
    feed = await session.task_feed()
    shown = 0
    while limit is None or shown < limit:
        batch = 10 if limit is None else min(10, limit - shown)
        for event in await session.next_events(feed, batch, PULL_WAIT_SECONDS):
            try:
                show(*decode(event))
            except ValueError as error:  # a newer platform's event: say so, do not stall the feed on it
                complain(f"{error}\n{event.data.decode(errors='replace')}")
            await session.ack(event)
            shown += 1
    return shown
