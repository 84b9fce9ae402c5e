"""Vendor task states as the venue shows them, and the position a desk listing continues from. Pure."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import get_args

from shared.contracts.tasks import TaskState

TASK_STATES: tuple[str, ...] = get_args(TaskState)


def cursor_after(updated_at: datetime, task_id: str) -> str:
    """An opaque position: the next page starts after this task."""
    return base64.urlsafe_b64encode(f"{updated_at.isoformat()}|{task_id}".encode()).decode().rstrip("=")


def position_of(cursor: str) -> tuple[datetime, str]:
    """The (updated_at, task_id) a cursor names; ValueError if it is not one of ours."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, task_id = text.split("|", 1)
        updated_at = datetime.fromisoformat(moment)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValueError("not a cursor this API gave") from None
    if updated_at.tzinfo is None or not task_id:
        raise ValueError("not a cursor this API gave")
    return updated_at, task_id
