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
from shared.participant.domain.outcomes import News, Takeover
from shared.participant.domain.plans import PlanKey, Revisions, Row
from shared.participant.domain.task_kind import TaskKind
from shared.participant.handlers.vendors import Leaving, Vendors


@dataclass(frozen=True)
class Caterers(Vendors, plans=ORDERS, plan_name="catering order"):
    """Who caters a booking's firm order: told on confirm, replaced when one drops out."""

    book: MenuBook
    kind: TaskKind = TASKS

    async def tell(
        self, connection: asyncpg.Connection, key: PlanKey, known: Revisions, causation_id: uuid.UUID
    ) -> News:
        """Record and return the task news for the confirmed revision ``key``."""
        order = known.get(key.revision)
        assert order is not None
        rows = await self.tasks(connection, key.booking_id)
        confirmed = confirmed_order(order)
        menu = self.book.menu(confirmed.menu)
        assert menu is not None, f"order for a menu no longer offered: {confirmed.menu}"
        never_again = self.let_go(rows)
        current = [row["vendor_id"] for row in rows if row["live"]]
        caterer = choose_caterer(self.book.caterers_for(menu), current, never_again)
        wanted = [vendor_task(confirmed, self.book, causation_id, key.revision, caterer)] if caterer else []

        async def told_at(revision: int, vendor_id: str) -> VendorTaskAssigned | None:
            return self._told(known.get(revision), vendor_id)

        news = await self.confirm_tasks(connection, key, wanted, told_at, causation_id, rows)
        escalated = any(row["state"] == "escalated" for row in rows)
        if caterer is None and not escalated:  # every caterer of the (changed) menu is out: staff must act
            task_id = next(row for row in rows if row["vendor_id"] in never_again)["task_id"]
            task = await self.task(connection, task_id)
            assert task is not None
            missing = no_caterer_left(confirmed, self.book)
            news += await self.escalate(connection, task, missing, causation_id)
        return news

    async def take_over(self, connection: asyncpg.Connection, leaving: Leaving) -> Takeover:
        """The next caterer serving the menu takes the leaving caterer's task: the same order, untouched
        kitchen covers, only the caterer differs; or what is missing if no caterer is left."""
        if self.book.menu(leaving.plan["menu"]) is None:
            return self.no_longer_held(leaving.task)
        confirmed = confirmed_order(leaving.plan)
        menu = self.book.menu(confirmed.menu)
        assert menu is not None
        caterer = choose_caterer(self.book.caterers_for(menu), [], leaving.never_again)
        if caterer is None:
            return Takeover(missing=no_caterer_left(confirmed, self.book))
        task = vendor_task(confirmed, self.book, leaving.causation_id, leaving.task.revision, caterer)
        return Takeover([task])

    def _told(self, order: Row | None, vendor_id: str) -> VendorTaskAssigned | None:
        """The task as the caterer last heard it, if that order and its menu are still known."""
        if order is None or order["meal_period"] is None or self.book.menu(order["menu"]) is None:
            return None
        return vendor_task(confirmed_order(order), self.book, None, order["revision"], vendor_id)
