"""The duty desk's page cursor names one position and refuses anything else."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.venue.domain.vendor_tasks import TASK_STATES, cursor_after, position_of

pytestmark = pytest.mark.unit


def test_a_cursor_names_the_task_it_was_made_after() -> None:
    moment = datetime(2027, 3, 2, 6, 0, 0, 123456, tzinfo=UTC)
    task_id = "interpreting-1f0c|agency-yangtze"  # a separator inside the id survives

    assert position_of(cursor_after(moment, task_id)) == (moment, task_id)
    assert position_of(cursor_after(moment.astimezone(timezone(timedelta(hours=8))), "t"))[0] == moment


@pytest.mark.parametrize(
    "cursor", ["", "not base64 at all!", "MjAyNy0wMy0wMg", "YWJj", "MjAyNy0wMy0wMlQwNjowMHx0"]
)
def test_anything_else_is_refused(cursor: str) -> None:
    with pytest.raises(ValueError, match="not a cursor"):
        position_of(cursor)


def test_the_states_are_the_contracts() -> None:
    assert "escalated" in TASK_STATES and "awaiting_answer" in TASK_STATES and len(TASK_STATES) == 7
