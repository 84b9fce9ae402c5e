"""A participant's vendors (caterers, agencies) as the kernel drives them: told what is new on a confirm,
replaced when one drops out (declines, or lets its answer deadline pass), each answer applied once.

A service says who its vendors are and what they hold by subclassing ``Vendors`` (``tell``, ``reassign``),
using what the kernel offers it here: the booking's tasks, escalation, the recording of what is new.
"""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import asyncpg

from shared.contracts.tasks import VendorTaskAnswer, VendorTaskAssigned
from shared.db.unit_of_work import UnitOfWork
from shared.participant.adapters import vendor_tasks
from shared.participant.adapters.plans import PlanTable
from shared.participant.domain.outcomes import News, Takeover
from shared.participant.domain.plans import PlanKey, Revisions, Row
from shared.participant.domain.task_kind import TaskKind
from shared.participant.domain.task_states import LET_GO, Task
from shared.participant.handlers.answers import escalate, on_answer
from shared.participant.handlers.task_news import ToldAt, confirm_tasks


@dataclass(frozen=True)
class Leaving:
    """A vendor out of a booking's work (it declined, or was silent past its deadline): its task, the plan
    its task is live at (still held), the vendors never to ask again on the booking, and the cause."""

    task: Task
    plan: Row
    never_again: frozenset[str]
    causation_id: uuid.UUID | None


class Vendors(ABC):
    """The service's vendors of one kind of task (``kind``), on the plans of its plan table: a subclass
    names it, and how a reason calls one of its plans (``class Caterers(Vendors, plans=ORDERS,
    plan_name="catering order")``)."""

    kind: TaskKind
    plans: ClassVar[PlanTable]
    plan_name: ClassVar[str]

    def __init_subclass__(cls, *, plans: PlanTable, plan_name: str, **options: Any) -> None:
        super().__init_subclass__(**options)
        cls.plans, cls.plan_name = plans, plan_name

    @abstractmethod
    async def tell(
        self, connection: asyncpg.Connection, key: PlanKey, known: Revisions, causation_id: uuid.UUID
    ) -> News:
        """Record (and return) what the vendors must now hear about the confirmed revision ``key``."""

    @abstractmethod
    async def take_over(self, connection: asyncpg.Connection, leaving: Leaving) -> Takeover:
        """Who takes over the ``leaving`` vendor's work at its plan, or what is missing (then nothing moved)."""

    async def reassign(
        self,
        connection: asyncpg.Connection,
        task: Task,
        never_again: frozenset[str],
        causation_id: uuid.UUID | None,
    ) -> Takeover:
        """Who takes over the leaving ``task``'s work (none of ``never_again``), or what is missing."""
        plan = await self.plans.holding(connection, PlanKey(task.booking_id, task.revision))
        if plan is None:
            return self.no_longer_held(task)
        return await self.take_over(connection, Leaving(task, plan, never_again, causation_id))

    def no_longer_held(self, task: Task) -> Takeover:
        """Nobody can take over work at a plan that no longer holds anything."""
        return Takeover(missing=f"the {self.plan_name} of revision {task.revision} is no longer held")

    async def tasks(self, connection: asyncpg.Connection, booking_id: uuid.UUID) -> list[asyncpg.Record]:
        """Every task of the booking: task_id, vendor_id, revision, whether it is live, state and work."""
        return await vendor_tasks.tasks(connection, booking_id)

    @staticmethod
    def let_go(rows: Iterable[asyncpg.Record]) -> frozenset[str]:
        """The vendors of ``rows`` (``tasks``) that declined the booking's work or let its deadline pass."""
        return frozenset(row["vendor_id"] for row in rows if row["state"] in LET_GO)

    async def task(self, connection: asyncpg.Connection, task_id: str) -> Task | None:
        """The task, locked for this transaction."""
        return await vendor_tasks.task(connection, task_id, self.kind.kind)

    async def confirm_tasks(
        self,
        connection: asyncpg.Connection,
        key: PlanKey,
        wanted: Sequence[VendorTaskAssigned],
        told_at: ToldAt,
        causation_id: uuid.UUID,
        rows: Sequence[asyncpg.Record] | None = None,
    ) -> News:
        """Assigned, changed or cancelled per vendor for the confirmed ``key`` (see ``task_news``), recorded."""
        return await confirm_tasks(connection, key, wanted, told_at, causation_id, self.kind, rows)

    async def escalate(
        self, connection: asyncpg.Connection, task: Task, missing: str, causation_id: uuid.UUID | None
    ) -> News:
        """No vendor can take ``task``'s work: staff must act."""
        return await escalate(connection, self.kind, task, missing, causation_id)

    async def answer(self, unit: UnitOfWork, answer: VendorTaskAnswer) -> None:
        """A vendor accepts, declines or reports done its task; a decline hands its work on, or to staff."""
        await on_answer(unit, answer, self.kind, self.reassign)
