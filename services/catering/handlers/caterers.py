"""The caterer's side of a confirm, or of a caterer that drops out, and the caterers' answers.

What the caterer was told is recomputed from the order of the revision its task is live at (orders keep
their menu, headcount and times after release, and that revision is the firm one until this confirm).
Who caters is the caterer already on the booking, else the menu's first choice, else another caterer
serving the menu; never one that declined or let a deadline pass on this booking.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import asyncpg

from services.catering.adapters.repository import ORDERS, confirmed_order
from services.catering.domain.menus import MenuBook
from services.catering.domain.tasks import TASKS, choose_caterer, no_caterer_left, vendor_task
from shared.contracts import VendorTaskAssigned
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import UnitOfWork
from shared.participant.adapters import vendor_tasks
from shared.participant.domain.plans import HOLDING, PlanKey, Revisions, Row
from shared.participant.domain.task_kind import TaskKind
from shared.participant.domain.task_states import LET_GO, Task
from shared.participant.handlers.answers import Reassign, Takeover, escalate, on_answer
from shared.participant.handlers.task_news import News, known_tasks, record_confirm


@dataclass(frozen=True)
class Caterers:
    """Who caters a booking's firm order: told on confirm, replaced when one drops out."""

    book: MenuBook
    kind: TaskKind = TASKS

    async def tell(
        self, connection: asyncpg.Connection, key: PlanKey, known: Revisions, causation_id: uuid.UUID
    ) -> News:
        """Record and return the task news for the confirmed revision ``key``."""
        order = known.get(key.revision)
        assert order is not None
        rows = await vendor_tasks.tasks(connection, key.booking_id)
        confirmed = confirmed_order(order)
        menu = self.book.menu(confirmed.menu)
        assert menu is not None, f"order for a menu no longer offered: {confirmed.menu}"
        never_again = {row["vendor_id"] for row in rows if row["state"] in LET_GO}
        current = [row["vendor_id"] for row in rows if row["live"]]
        caterer = choose_caterer(self.book.caterers_for(menu), current, never_again)
        wanted = [vendor_task(confirmed, self.book, causation_id, key.revision, caterer)] if caterer else []

        async def told_at(revision: int, vendor_id: str) -> VendorTaskAssigned | None:
            return self._told(known.get(revision), vendor_id)

        told = await known_tasks(rows, key.revision, told_at)
        news = await record_confirm(
            connection, key.booking_id, key.revision, wanted, told, causation_id, self.kind
        )
        escalated = any(row["state"] == "escalated" for row in rows)
        if caterer is None and not escalated:  # every caterer of the (changed) menu is out: staff must act
            task_id = next(row for row in rows if row["state"] in LET_GO)["task_id"]
            task = await vendor_tasks.task(connection, task_id, self.kind.kind)
            assert task is not None
            missing = no_caterer_left(confirmed, self.book)
            news += await escalate(connection, self.kind, task, missing, causation_id)
        return news

    async def reassign(
        self,
        connection: asyncpg.Connection,
        task: Task,
        never_again: frozenset[str],
        causation_id: uuid.UUID | None,
    ) -> Takeover:
        """The hand-over of a caterer's task to the next caterer serving the menu: the same order, untouched
        kitchen covers, only the caterer differs; or what is missing if no caterer is left."""
        order = (await ORDERS.revisions(connection, task.booking_id)).get(task.revision)
        if order is None or order["status"] not in HOLDING or self.book.menu(order["menu"]) is None:
            return Takeover(missing=f"the catering order of revision {task.revision} is no longer held")
        confirmed = confirmed_order(order)
        menu = self.book.menu(confirmed.menu)
        assert menu is not None
        caterer = choose_caterer(self.book.caterers_for(menu), [], never_again)
        if caterer is None:
            return Takeover(missing=no_caterer_left(confirmed, self.book))
        return Takeover([vendor_task(confirmed, self.book, causation_id, task.revision, caterer)])

    def _told(self, order: Row | None, vendor_id: str) -> VendorTaskAssigned | None:
        """The task as the caterer last heard it, if that order and its menu are still known."""
        if order is None or order["meal_period"] is None or self.book.menu(order["menu"]) is None:
            return None
        return vendor_task(confirmed_order(order), self.book, None, order["revision"], vendor_id)


def reassigner(book: MenuBook) -> Reassign:
    """Who takes over a caterer's work when it declines or lets its answer deadline pass."""
    return Caterers(book).reassign


async def answer(answer: VendorTaskAnswer, unit: UnitOfWork, book: MenuBook, tasks: TaskKind = TASKS) -> None:
    """A caterer accepts, declines or reports done; a decline hands the order to the next caterer of the menu."""
    await on_answer(unit, answer, tasks, reassigner(book))
