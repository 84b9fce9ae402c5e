"""The agencies' side of a confirm, or of an agency that drops out, and the agencies' answers.

What an agency was told is recomputed from the revision its task is live at: that revision is the firm
one, and it still holds its seats until the confirm of a newer revision releases it (after this runs).
An agency that declined or let a deadline pass on a booking is never handed its work again: its seats
go to interpreters of other agencies, or the work is escalated to staff.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import asyncpg

from services.interpreting.adapters import repository
from services.interpreting.adapters.repository import RESERVATIONS
from services.interpreting.adapters.takeover import move_seats
from services.interpreting.domain.roster import Roster
from services.interpreting.domain.takeover import uncovered_reason
from services.interpreting.domain.tasks import TASKS, vendor_tasks
from shared.contracts import VendorTaskAssigned
from shared.participant.domain.outcomes import News, Takeover
from shared.participant.domain.plans import HOLDING, PlanKey, Revisions
from shared.participant.domain.task_kind import TaskKind
from shared.participant.handlers.vendors import Leaving, Vendors


@dataclass(frozen=True)
class Agencies(Vendors, plans=RESERVATIONS, plan_name="interpretation plan"):
    """The agencies a booking's firm plan seats interpreters of: told on confirm, replaced when one drops out."""

    roster: Roster
    kind: TaskKind = TASKS

    async def tell(
        self, connection: asyncpg.Connection, key: PlanKey, known: Revisions, causation_id: uuid.UUID
    ) -> News:
        """Record and return the task news for the confirmed revision ``key``."""
        news = await self._without_leavers(connection, key, known, causation_id)
        wanted = await self._tasks_at(connection, key, known, causation_id)
        told: dict[int, dict[str, VendorTaskAssigned]] = {}

        async def told_at(revision: int, vendor_id: str) -> VendorTaskAssigned | None:
            if revision not in told:
                earlier = await self._tasks_at(connection, PlanKey(key.booking_id, revision), known, None)
                told[revision] = {task.vendor_id: task for task in earlier}
            return told[revision].get(vendor_id)

        news += await self.confirm_tasks(connection, key, wanted, told_at, causation_id)
        return news

    async def take_over(self, connection: asyncpg.Connection, leaving: Leaving) -> Takeover:
        """Interpreters of other agencies take the leaving agency's seats, all of them; or what is missing."""
        key, roster = PlanKey(leaving.task.booking_id, leaving.task.revision), self.roster
        plan = repository.plan_of(leaving.plan, roster.load_minutes)
        before = {seat.interpreter_id for seat in await repository.seats(connection, key)}
        uncovered = await move_seats(
            connection, key, plan, leaving.task.vendor_id, leaving.never_again, roster
        )
        if uncovered:
            return Takeover(missing=uncovered_reason(uncovered, plan.starts_at, plan.ends_at, roster.zone))
        after = await repository.seats(connection, key)
        gaining = {seat.vendor_id for seat in after if seat.interpreter_id not in before}
        tasks = vendor_tasks(key.booking_id, plan, after, leaving.causation_id, roster.zone, key.revision)
        return Takeover([task for task in tasks if task.vendor_id in gaining])

    async def _without_leavers(
        self, connection: asyncpg.Connection, key: PlanKey, known: Revisions, causation_id: uuid.UUID
    ) -> News:
        """Seats at ``key`` still held by agencies that let go of the booking since it was reserved (a change
        reserved before a decline) go to other agencies before anyone is told; if they cannot, staff act."""
        news, roster = News(), self.roster
        leavers = {row["vendor_id"]: row for row in await self.tasks(connection, key.booking_id)}
        never_again = self.let_go(leavers.values())
        seated = {seat.vendor_id for seat in await repository.seats(connection, key)}
        row = known.get(key.revision)
        if not never_again & seated or row is None:
            return news
        plan = repository.plan_of(row, roster.load_minutes)
        for vendor in sorted(never_again & seated):
            uncovered = await move_seats(connection, key, plan, vendor, never_again, roster)
            task = await self.task(connection, leavers[vendor]["task_id"])
            if uncovered and task is not None and task.state != "escalated":
                reason = uncovered_reason(uncovered, plan.starts_at, plan.ends_at, roster.zone)
                news += await self.escalate(connection, task, reason, causation_id)
        return news

    async def _tasks_at(
        self,
        connection: asyncpg.Connection,
        key: PlanKey,
        known: Revisions,
        causation_id: uuid.UUID | None,
    ) -> list[VendorTaskAssigned]:
        """The tasks revision ``key`` gives the agencies (none if it no longer holds anything)."""
        row = known.get(key.revision)
        if row is None or row["status"] not in HOLDING:  # the plan was released (a confirm of a newer one)
            return []
        plan = repository.plan_of(row, self.roster.load_minutes)
        seats = await repository.seats(connection, key)
        return vendor_tasks(key.booking_id, plan, seats, causation_id, self.roster.zone, key.revision)
