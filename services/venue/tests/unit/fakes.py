"""An in-memory venue database for the use cases' unit tests: the repositories the booking, saga,
change and cancellation use cases call, over plain dicts, with transactions that roll back.

It keeps the rules the real database enforces that the use cases rely on: a hold overlapping
another booking's hold of the same room is refused (``HoldTaken``, the exclusion constraint), a
repeated idempotency key too (``KeyTaken``); a transaction that raises leaves nothing behind, and
what it published reaches the outbox only when it ends without error. Rows are dicts with the
columns the use cases read. The real repositories are tested on PostgreSQL in ``tests/integration``.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from services.venue.adapters.conflicts import HoldTaken, KeyTaken
from services.venue.domain.booking import Interval, ReleasedHold, overlaps
from services.venue.domain.changeover import Block
from services.venue.domain.saga import Phase, Saga, StepState
from shared.contracts.base import Message

_STATUS = {Phase.CONFIRMED: "confirmed", Phase.REJECTED: "rejected", Phase.CANCELLED: "cancelled"}


@dataclass
class Hold:
    booking_id: uuid.UUID
    unit: str
    during: Interval
    revision: int


@dataclass
class Tables:
    """Everything the fake database holds; copied whole for a transaction or savepoint."""

    bookings: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    holds: list[Hold] = field(default_factory=list)
    saga_steps: dict[uuid.UUID, list[dict[str, Any]]] = field(default_factory=dict)
    changes: dict[tuple[uuid.UUID, int], dict[str, Any]] = field(default_factory=dict)
    change_steps: dict[tuple[uuid.UUID, int], list[dict[str, Any]]] = field(default_factory=dict)
    audit: list[tuple[uuid.UUID, str, str, dict[str, Any]]] = field(default_factory=list)
    outbox: list[Message] = field(default_factory=list)


class FakeDatabase:
    """Opens fake units of work, like ``adapters.unit_of_work.VenueDatabase``."""

    def __init__(self) -> None:
        self.tables = Tables()
        self.committed = 0

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[FakeUnit]:
        with self._rolled_back_on_error():
            unit = FakeUnit(self)
            yield unit
            self.tables.outbox.extend(unit.staged)
            self.committed += 1

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[FakeUnit]:
        yield FakeUnit(self)

    @contextmanager
    def _rolled_back_on_error(self) -> Iterator[None]:
        before = copy.deepcopy(self.tables)
        try:
            yield
        except BaseException:
            self.tables = before
            raise

    # what the tests read
    def booking(self, booking_id: uuid.UUID) -> dict[str, Any]:
        return self.tables.bookings[booking_id]

    def subjects(self) -> list[str]:
        return [message.subject for message in self.tables.outbox]

    def held_units(self, booking_id: uuid.UUID | None = None) -> list[tuple[str, int]]:
        return sorted(
            (hold.unit, hold.revision)
            for hold in self.tables.holds
            if booking_id is None or hold.booking_id == booking_id
        )

    def steps(self, booking_id: uuid.UUID) -> dict[str, str]:
        return {step["step"]: step["state"] for step in self.tables.saga_steps[booking_id]}

    def actions(self, booking_id: uuid.UUID) -> list[str]:
        return [action for booked, _, action, _ in self.tables.audit if booked == booking_id]


class FakeUnit:
    """The repositories of ``adapters.unit_of_work.VenueUnit``, over the fake's tables."""

    def __init__(self, database: FakeDatabase) -> None:
        self.database = database
        self.staged: list[Message] = []
        self.released: list[ReleasedHold] = []
        self.bookings = FakeBookings(database)
        self.holds = FakeHolds(database)
        self.sagas = FakeSagas(database)
        self.changes = FakeChanges(database)
        self.options = FakeOptions(database)
        self.calendar = FakeCalendar(database)
        self.audit = FakeAudit(database)
        self.waitlist = FakeWaitlist()
        self.quotes = FakeQuotes()
        self.network_lines = FakeNetworkLines()

    def publish(self, message: Message) -> None:
        self.staged.append(message)

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        with self.database._rolled_back_on_error():
            yield


class _Repository:
    def __init__(self, database: FakeDatabase) -> None:
        self.database = database

    @property
    def tables(self) -> Tables:
        return self.database.tables


def _now() -> datetime:
    return datetime.now(UTC)


class FakeBookings(_Repository):
    async def insert(self, row: dict[str, Any], units: list[str], blocked: Interval) -> None:
        key = row["idempotency_key"]
        if key is not None and any(b["idempotency_key"] == key for b in self.tables.bookings.values()):
            raise KeyTaken()
        _take(self.tables, row["id"], units, blocked, 0)
        self.tables.bookings[row["id"]] = {
            **row,
            "reason": None,
            "revision": 0,
            "blocked": blocked,
            "blocked_from": blocked.starts_at,
            "blocked_to": blocked.ends_at,
            "hold_expires_at": None,
            "first_status": row.get("first_status"),
            "cancelled_at": None,
            "fee_percent": None,
            "fee_minor": None,
            "fee_base_minor": None,
            "currency": "CNY",
            "created_at": _now(),
            "updated_at": _now(),
        }
        self.tables.saga_steps[row["id"]] = [_step("hold", 1, "held", None)]

    async def get(self, booking_id: uuid.UUID) -> dict[str, Any] | None:
        return _read(self.tables.bookings.get(booking_id))

    async def lock(self, booking_id: uuid.UUID) -> dict[str, Any] | None:
        return _read(self.tables.bookings.get(booking_id))

    async def lock_revision(self, booking_id: uuid.UUID) -> int | None:
        row = self.tables.bookings.get(booking_id)
        return None if row is None else int(row["revision"])

    async def live_revision(self, booking_id: uuid.UUID) -> int:
        return int(self.tables.bookings[booking_id]["revision"])

    async def by_idempotency_key(self, key: str) -> dict[str, Any] | None:
        return _read(next((b for b in self.tables.bookings.values() if b["idempotency_key"] == key), None))

    async def held(self, booking_id: uuid.UUID) -> ReleasedHold | None:
        row = self.tables.bookings.get(booking_id)
        return None if row is None else ReleasedHold(row["space_id"], row["blocked"])

    async def set_first_status(self, booking_id: uuid.UUID, status: str) -> None:
        self.tables.bookings[booking_id]["first_status"] = status

    async def record_cancellation(
        self, booking_id: uuid.UUID, actor: str, percent: int, fee: int, base: int
    ) -> None:
        self.tables.bookings[booking_id].update(
            cancelled_at=_now(), cancelled_by=actor, fee_percent=percent, fee_minor=fee, fee_base_minor=base
        )

    async def replace_plan(self, booking_id: uuid.UUID, plan: dict[str, Any], revision: int) -> None:
        held = next(
            h.during for h in self.tables.holds if (h.booking_id, h.revision) == (booking_id, revision)
        )
        self.tables.bookings[booking_id].update(
            **plan,
            revision=revision,
            blocked=held,
            blocked_from=held.starts_at,
            blocked_to=held.ends_at,
            updated_at=_now(),
        )


def _read(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """A row as a query returns it: a copy, unchanged by later writes."""
    return None if row is None else dict(row)


def _take(tables: Tables, booking_id: uuid.UUID, units: list[str], during: Interval, revision: int) -> None:
    """The exclusion constraint: no unit held twice at once by two bookings."""
    for hold in tables.holds:
        if hold.unit in units and hold.booking_id != booking_id and overlaps(hold.during, during):
            raise HoldTaken()
    tables.holds += [Hold(booking_id, unit, during, revision) for unit in units]


def _step(name: str, position: int, state: str, deadline: datetime | None) -> dict[str, Any]:
    now = _now()
    return {
        "step": name,
        "position": position,
        "state": state,
        "deadline": deadline,
        "detail": None,
        "started_at": now,
        "updated_at": now,
    }


class FakeHolds(_Repository):
    async def insert(self, booking_id: uuid.UUID, units: list[str], blocked: Interval, revision: int) -> None:
        _take(self.tables, booking_id, units, blocked, revision)

    async def conflicts(self, units: list[str], blocked: Interval) -> list[Interval]:
        taken = {h.during for h in self.tables.holds if h.unit in units and overlaps(h.during, blocked)}
        return sorted(taken, key=lambda during: during.starts_at)

    async def release(self, booking_id: uuid.UUID) -> None:
        self.tables.holds = [h for h in self.tables.holds if h.booking_id != booking_id]
        for step in self.tables.saga_steps[booking_id]:
            if step["step"] == "hold":
                step["state"] = "released"

    async def keep_only(self, booking_id: uuid.UUID, revision: int) -> None:
        self.tables.holds = [
            h for h in self.tables.holds if h.booking_id != booking_id or h.revision == revision
        ]

    async def drop(self, booking_id: uuid.UUID, revision: int) -> None:
        self.tables.holds = [
            h for h in self.tables.holds if (h.booking_id, h.revision) != (booking_id, revision)
        ]


class FakeSagas(_Repository):
    async def add_steps(self, booking_id: uuid.UUID, deadlines: dict[str, datetime]) -> None:
        steps = self.tables.saga_steps[booking_id]
        for offset, (name, deadline) in enumerate(deadlines.items(), start=1):
            steps.append(_step(name, len(steps) + offset, StepState.PENDING.value, deadline))

    async def lock(self, booking_id: uuid.UUID) -> tuple[dict[str, Any], Saga] | None:
        row = self.tables.bookings.get(booking_id)
        if row is None:
            return None
        steps = {
            s["step"]: StepState(s["state"])
            for s in self.tables.saga_steps[booking_id]
            if s["step"] != "hold"
        }
        return dict(row), Saga(Phase(row["phase"]), steps, row["reason"])

    async def save(
        self, booking_id: uuid.UUID, before: Saga, after: Saga, deadline: datetime, details: dict[str, str]
    ) -> dict[str, float]:
        waited: dict[str, float] = {}
        for step in self.tables.saga_steps[booking_id]:
            state = after.steps.get(step["step"])
            if state is None or before.steps.get(step["step"]) is state:
                continue
            waiting = state in (StepState.PENDING, StepState.RELEASING)
            step.update(state=state.value, updated_at=_now(), deadline=deadline if waiting else None)
            step["detail"] = details.get(step["step"]) or step["detail"]
            waited[step["step"]] = 0.0
        if after.phase is not before.phase or after.reason != before.reason:
            row = self.tables.bookings[booking_id]
            row.update(
                phase=after.phase.value, status=_STATUS.get(after.phase, "pending"), reason=after.reason
            )
            if after.phase is not before.phase:
                waited["saga"] = 0.0
        return waited

    async def due_step(self) -> dict[str, Any] | None:
        """The saga step whose deadline passed first (the fake has no other instance to skip)."""
        due = [
            (step["deadline"], booking_id, step["step"])
            for booking_id, steps in self.tables.saga_steps.items()
            for step in steps
            if step["deadline"] is not None and step["deadline"] < _now()
        ]
        if not due:
            return None
        _, booking_id, step = min(due)
        trace_context = self.tables.bookings[booking_id]["trace_context"]
        return {"booking_id": booking_id, "step": step, "trace_context": trace_context}

    async def clear_deadline(self, booking_id: uuid.UUID, step: str) -> None:
        for row in self.tables.saga_steps[booking_id]:
            if row["step"] == step:
                row["deadline"] = None

    async def confirm_plan(
        self, booking_id: uuid.UUID, steps: list[str], now: datetime, revision: int
    ) -> None:
        kept = [s for s in self.tables.saga_steps[booking_id] if s["step"] == "hold"]
        self.tables.saga_steps[booking_id] = kept
        await self.add_steps(booking_id, {step: now for step in steps})
        for step in self.tables.saga_steps[booking_id][1:]:
            step.update(state="confirmed", deadline=None, detail=f"revision {revision}")


class FakeChanges(_Repository):
    async def running(self, booking_id: uuid.UUID) -> int | None:
        return next(
            (
                revision
                for (booked, revision), c in self.tables.changes.items()
                if booked == booking_id and c["state"] == "running"
            ),
            None,
        )

    async def next_revision(self, booking_id: uuid.UUID, live: int) -> int:
        revisions = [revision for booked, revision in self.tables.changes if booked == booking_id]
        return max([live, *revisions]) + 1

    async def insert(
        self,
        booking_id: uuid.UUID,
        revision: int,
        plan: dict[str, Any],
        previous: dict[str, Any],
        changes: list[str],
        actor: str,
        trace: tuple[str, dict[str, str]],
    ) -> None:
        self.tables.changes[(booking_id, revision)] = {
            "state": "running",
            "reason": None,
            "plan": plan,
            "previous": previous,
            "changes": changes,
            "actor": actor,
        }

    async def add_steps(
        self, booking_id: uuid.UUID, revision: int, steps: list[str], deadlines: list[datetime]
    ) -> None:
        self.tables.change_steps[(booking_id, revision)] = [
            _step(name, position, "pending", deadline)
            for position, (name, deadline) in enumerate(zip(steps, deadlines, strict=True), start=1)
        ]

    async def get(self, booking_id: uuid.UUID, revision: int) -> dict[str, Any] | None:
        return self.tables.changes.get((booking_id, revision))

    async def steps(self, booking_id: uuid.UUID, revision: int) -> list[dict[str, Any]]:
        return self.tables.change_steps.get((booking_id, revision), [])

    async def set_step(
        self, booking_id: uuid.UUID, revision: int, step: str, state: str, detail: str | None
    ) -> None:
        for row in self.tables.change_steps[(booking_id, revision)]:
            if row["step"] == step:
                row.update(state=state, detail=detail or row["detail"])
                row["deadline"] = row["deadline"] if state == "pending" else None

    async def plan(self, booking_id: uuid.UUID, revision: int) -> dict[str, Any]:
        return self.tables.changes[(booking_id, revision)]

    async def applied(self, booking_id: uuid.UUID, revision: int) -> None:
        self.tables.changes[(booking_id, revision)]["state"] = "applied"

    async def rejected(self, booking_id: uuid.UUID, revision: int, reason: str) -> None:
        self.tables.changes[(booking_id, revision)].update(state="rejected", reason=reason)


class FakeOptions(_Repository):
    async def set_expiry(self, booking_id: uuid.UUID, until: datetime | None) -> None:
        self.tables.bookings[booking_id]["hold_expires_at"] = until


class FakeCalendar(_Repository):
    async def lock_for_hold(self, units: list[str], window: Interval) -> None:
        pass  # one test at a time: nothing to queue behind

    async def blocks(self, units: list[str], window: Interval) -> list[Block]:
        """Other bookings' holds near the new one (no closures in the fake)."""
        found = []
        for hold in self.tables.holds:
            if hold.unit in units and overlaps(hold.during, window):
                booking = self.tables.bookings[hold.booking_id]
                found.append(
                    Block(
                        hold.unit,
                        hold.during.starts_at,
                        hold.during.ends_at,
                        booking["layout"],
                        booking["starts_at"],
                    )
                )
        return found


class FakeAudit(_Repository):
    async def record(
        self,
        booking_id: uuid.UUID,
        actor: str,
        action: str,
        detail: dict[str, Any] | None = None,
        trace_id: str = "",
    ) -> None:
        self.tables.audit.append((booking_id, actor, action, detail or {}))


class FakeWaitlist:
    """Nobody queues in the fake: a released hold promotes no one."""

    async def waiting_for(self, units: list[str], released: Interval) -> list[Any]:
        return []


class FakeQuotes:
    async def attach_quote(self, booking_id: uuid.UUID, quote_id: uuid.UUID, now: datetime) -> list[Any]:
        return []


class FakeNetworkLines:
    async def reserve_lines(self, booking_id: uuid.UUID, count: int, interval: Interval) -> list[str] | None:
        return [f"intl-line-{n}" for n in range(1, count + 1)]
