"""The client's use cases over a vendor session: list, show, answer. Printing is left to the caller."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import msgspec

from clients.vendor import answers, lookup
from clients.vendor.answers import AnswerResult
from clients.vendor.errors import AnswerPending, AnswerRefused
from clients.vendor.session import VendorSession
from shared.contracts.tasks import VendorTaskView

POLL_SECONDS = 0.25


async def list_tasks(
    session: VendorSession, states: Sequence[str] | None, closed: bool
) -> list[VendorTaskView]:
    """The vendor's tasks, open ones only unless ``closed`` or a closed state is asked for."""
    closed = closed or any(state not in lookup.OPEN_STATES for state in states or ())
    return lookup.with_states(await session.tasks(include_closed=closed), states)


async def show(session: VendorSession, ref: str) -> VendorTaskView:
    return lookup.find(await session.tasks(include_closed=True), ref)


async def answer(
    session: VendorSession, ref: str, command: str, reason: str = "", wait: float = 10.0
) -> AnswerResult:
    """Send the answer ``command`` (accept, decline, done) to the task ``ref`` names, and wait up to ``wait``
    seconds to see it applied. AnswerRefused if the task cannot take it, AnswerPending if not applied yet."""
    name = answers.ANSWER_OF[command]
    before = await show(session, ref)
    check = answers.check(before, name)
    result = AnswerResult(
        task_id=before.task_id, booking_id=before.booking_id, answer=name, sent=False, state=before.state
    )
    if check.refusal:
        raise AnswerRefused(check.refusal)
    if check.settled:
        return result
    duplicate = await session.send_answer(answers.answer_message(before, name, reason))
    sent = msgspec.structs.replace(result, sent=True, duplicate=duplicate, state="sent")
    if wait <= 0:
        return sent
    deadline = time.monotonic() + wait
    while True:
        now = next((view for view in await session.tasks() if view.task_id == before.task_id), None)
        seen = answers.outcome(before, name, now)
        if seen.refusal:
            raise AnswerRefused(seen.refusal)
        if seen.applied and now is not None:
            return msgspec.structs.replace(sent, state=now.state)
        if time.monotonic() >= deadline:
            raise AnswerPending(
                f"your answer is stored, but the platform has not applied it within {wait:g} s: "
                f"`show {before.task_id}` tells when it has"
            )
        await asyncio.sleep(POLL_SECONDS)
