import asyncio
import logging

import pytest

from shared.loops import drain, every

pytestmark = pytest.mark.unit


async def test_a_failing_round_is_logged_and_retried_and_cancellation_ends_the_loop(caplog):
    rounds = []
    third_round = asyncio.Event()

    async def round_() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise RuntimeError("database away")
        if len(rounds) == 3:
            third_round.set()

    caplog.set_level(logging.ERROR, logger="shared.loops")
    task = asyncio.create_task(every(0.001, round_, name="test sweep"))
    await asyncio.wait_for(third_round.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert [record.getMessage() for record in caplog.records] == ["test sweep failed; retrying"]
    assert caplog.records[0].exc_info is not None


async def test_drain_repeats_a_step_while_it_finds_work():
    due = [1, 2, 3]

    async def step() -> bool:
        if not due:
            return False
        due.pop()
        return True

    await drain(step)()
    assert due == []
