"""The caterer's side of a confirm, a cancellation or a caterer that drops out.

What the caterer was told is recomputed from the order of the revision its task is live at (orders keep
their menu, headcount and times after release, and that revision is the firm one until this confirm).
Who caters is the caterer already on the booking, else the menu's first choice, else another caterer
serving the menu; never one that declined or let a deadline pass on this booking.
"""

from __future__ import annotations

import logging
import uuid

import asyncpg

from services.catering.adapters.revisions import HOLDING, Revisions, revisions
from services.catering.domain.menus import MenuBook
from services.catering.domain.orders import OrderKey
from services.catering.domain.tasks import ConfirmedOrder, choose_caterer, no_caterer_left, vendor_task
from shared.contracts import VendorTaskAssigned
from shared.vendor_tasks import flow
from shared.vendor_tasks import store as task_store
from shared.vendor_tasks.answers import Reassign, Takeover, escalate
from shared.vendor_tasks.flow import News
from shared.vendor_tasks.kind import TaskKind
from shared.vendor_tasks.revisions import KnownTask
from shared.vendor_tasks.states import LET_GO, Task

log = logging.getLogger(__name__)


async def on_confirm(
    connection: asyncpg.Connection,
    key: OrderKey,
    revisions: Revisions,
    book: MenuBook,
    causation_id: uuid.UUID,
    kind: TaskKind,
) -> News:
    """Record and return the task news for the confirmed revision ``key``."""
    order = revisions.get(key.revision)
    assert order is not None
    rows = await task_store.tasks(connection, key.booking_id)
    confirmed = confirmed_order(order)
    menu = book.menu(confirmed.menu)
    assert menu is not None, f"order for a menu no longer offered: {confirmed.menu}"
    never_again = {row["vendor_id"] for row in rows if row["state"] in LET_GO}
    current = [row["vendor_id"] for row in rows if row["live"]]
    caterer = choose_caterer(book.caterers_for(menu), current, never_again)
    wanted = [vendor_task(confirmed, book, causation_id, key.revision, caterer)] if caterer else []
    known = []
    for row in rows:
        told = None
        if row["live"] and row["revision"] < key.revision:
            told = _told(revisions.get(row["revision"]), row["vendor_id"], book)
        known.append(KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"], told))
    news = await flow.record_confirm(
        connection, key.booking_id, key.revision, wanted, known, causation_id, kind
    )
    escalated = any(row["state"] == "escalated" for row in rows)
    if caterer is None and not escalated:  # every caterer of the (changed) menu is out: staff must act
        task = await task_store.task(
            connection, next(r for r in rows if r["state"] in LET_GO)["task_id"], kind.kind
        )
        assert task is not None
        news += await escalate(connection, kind, task, no_caterer_left(confirmed, book), causation_id)
    return news


async def on_cancel(
    connection: asyncpg.Connection, key: OrderKey, causation_id: uuid.UUID, kind: TaskKind
) -> News:
    """Record and return the cancellation of every task live at the released, formerly firm, revision."""
    return await flow.record_cancel(connection, key.booking_id, key.revision, causation_id, kind)


publish = flow.publish


def reassigner(book: MenuBook) -> Reassign:
    """The hand-over of a caterer's task to the next caterer serving the menu: the same order, untouched
    kitchen covers, only the caterer differs; or what is missing if no caterer is left."""

    async def reassign(
        connection: asyncpg.Connection,
        task: Task,
        never_again: frozenset[str],
        causation_id: uuid.UUID | None,
    ) -> Takeover:
        order = (await revisions(connection, task.booking_id)).get(task.revision)
        if order is None or order["status"] not in HOLDING or book.menu(order["menu"]) is None:
            return Takeover(missing=f"the catering order of revision {task.revision} is no longer held")
        confirmed = confirmed_order(order)
        menu = book.menu(confirmed.menu)
        assert menu is not None
        caterer = choose_caterer(book.caterers_for(menu), [], never_again)
        if caterer is None:
            return Takeover(missing=no_caterer_left(confirmed, book))
        return Takeover([vendor_task(confirmed, book, causation_id, task.revision, caterer)])

    return reassign


def confirmed_order(order: asyncpg.Record) -> ConfirmedOrder:
    return ConfirmedOrder(
        booking_id=order["booking_id"],
        menu=order["menu"],
        headcount=order["headcount"],
        meal_period=order["meal_period"],
        serve_at=order["serve_at"],
        space_id=order["space_id"],
        starts_at=order["starts_at"],
        ends_at=order["ends_at"],
        dietary=order["dietary"],
        allergy_notes=order["allergy_notes"],
        layout=order["layout"],
    )


def _told(order: asyncpg.Record | None, vendor_id: str, book: MenuBook) -> VendorTaskAssigned | None:
    """The task as the caterer last heard it, if that order and its menu are still known."""
    if order is None or order["meal_period"] is None or book.menu(order["menu"]) is None:
        return None
    return vendor_task(confirmed_order(order), book, None, order["revision"], vendor_id)
