"""The plan revisions of one booking at a participant, and the answers each command gets. Pure.

A booking's first plan is revision 0; a change reserves revision n+1 beside n. Each revision the
participant heard of is one row of its plan table (held, confirmed, released, rejected, or the
tombstone of a release that came before its reserve): a command reads them together, under the
booking's lock, since a confirm touches the booking's other revisions.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from shared.contracts.base import PlanMessage

HOLDING = ("held", "confirmed")


class PlanKey(NamedTuple):
    """One plan of a booking: revision 0 first, then n+1 for a change reserved beside revision n."""

    booking_id: uuid.UUID
    revision: int


class Row(Protocol):
    """A stored plan revision, read by column name (an asyncpg record)."""

    def __getitem__(self, key: str) -> Any: ...


def key_of(row: Row) -> PlanKey:
    return PlanKey(row["booking_id"], row["revision"])


@dataclass(frozen=True)
class Revisions:
    """Every plan row of a booking (a revision reserved, rejected, released or tombstoned), oldest first."""

    rows: Sequence[Row]

    def get(self, revision: int) -> Row | None:
        return next((row for row in self.rows if row["revision"] == revision), None)

    @property
    def confirmed(self) -> int | None:
        """The firm revision, if any (at most one: confirming a revision releases the older ones)."""
        return max((row["revision"] for row in self.rows if row["status"] == "confirmed"), default=None)

    def older_holding(self, revision: int) -> list[Row]:
        """Revisions before ``revision`` that still hold something: the plans its confirm supersedes."""
        return [row for row in self.rows if row["revision"] < revision and row["status"] in HOLDING]


@dataclass(frozen=True)
class SagaAnswers:
    """How a participant answers the saga's commands (``<Service>Rejected`` and the like), and its words
    for the revisions that hold nothing."""

    rejected: Callable[..., PlanMessage]  # a ``<Service>Rejected`` type, with a ``reason``
    confirmed: Callable[..., PlanMessage]
    released: Callable[..., PlanMessage]
    not_held: str  # the reason a reserve gets after its revision was released
    released_early: str  # the tombstone's reason when a release came before its reserve

    def rejecting(self, command: PlanMessage, reason: str) -> PlanMessage:
        return self.rejected(
            booking_id=command.booking_id,
            revision=command.revision,
            causation_id=command.message_id,
            reason=reason,
        )

    def confirming(self, command: PlanMessage) -> PlanMessage:
        return self.confirmed(
            booking_id=command.booking_id, revision=command.revision, causation_id=command.message_id
        )

    def releasing(self, command: PlanMessage) -> PlanMessage:
        return self.released(
            booking_id=command.booking_id, revision=command.revision, causation_id=command.message_id
        )

    def again(self, command: PlanMessage, row: Row) -> PlanMessage | None:
        """The answer to a reserve of a revision already answered, if it holds nothing (None if it holds)."""
        if row["status"] in HOLDING:
            return None
        return self.rejecting(command, row["reason"] if row["status"] == "rejected" else self.not_held)


def log_fields(key: PlanKey) -> dict[str, str | int]:
    """The fields every log line about a plan revision carries."""
    return {"booking_id": str(key.booking_id), "revision": key.revision}
