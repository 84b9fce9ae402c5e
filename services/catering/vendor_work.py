"""The caterer's side of a confirm or a cancellation: whether its task is assigned, changed or cancelled.

What the caterer was told is recomputed from the order of the revision its task is live at (orders keep
their menu, headcount and times after release, and that revision is the firm one until this confirm).
"""

from __future__ import annotations

import uuid

import asyncpg

from services.catering.adapters.revisions import Revisions
from services.catering.domain.menus import MenuBook
from services.catering.domain.orders import OrderKey
from services.catering.domain.tasks import CHANGE_NAMES, KIND, TASK_NAMESPACE, ConfirmedOrder, vendor_task
from shared.contracts import VendorTaskAssigned
from shared.vendor_tasks import flow
from shared.vendor_tasks import store as task_store
from shared.vendor_tasks.revisions import KnownTask, TaskStep


async def on_confirm(
    connection: asyncpg.Connection,
    key: OrderKey,
    revisions: Revisions,
    book: MenuBook,
    causation_id: uuid.UUID,
) -> list[TaskStep]:
    """Record and return the task steps for the confirmed revision ``key``."""
    order = revisions.get(key.revision)
    assert order is not None
    wanted = [vendor_task(confirmed_order(order), book, causation_id, key.revision)]
    known = []
    for row in await task_store.tasks(connection, key.booking_id):
        told = None
        if row["live"] and row["revision"] < key.revision:
            told = _told(revisions.get(row["revision"]), row["vendor_id"], book)
        known.append(KnownTask(row["task_id"], row["vendor_id"], row["revision"], row["live"], told))
    return await flow.record_confirm(
        connection,
        key.booking_id,
        key.revision,
        wanted,
        known,
        causation_id,
        KIND,
        TASK_NAMESPACE,
        CHANGE_NAMES,
    )


async def on_cancel(connection: asyncpg.Connection, key: OrderKey, causation_id: uuid.UUID) -> list[TaskStep]:
    """Record and return the cancellation of every task live at the released, formerly firm, revision."""
    return await flow.record_cancel(
        connection, key.booking_id, key.revision, causation_id, KIND, TASK_NAMESPACE
    )


publish = flow.publish


def confirmed_order(order: asyncpg.Record) -> ConfirmedOrder:
    return ConfirmedOrder(
        booking_id=order["booking_id"], menu=order["menu"], headcount=order["headcount"],
        meal_period=order["meal_period"], serve_at=order["serve_at"], space_id=order["space_id"],
        starts_at=order["starts_at"], ends_at=order["ends_at"], dietary=order["dietary"],
        allergy_notes=order["allergy_notes"], layout=order["layout"],
    )  # fmt: skip


def _told(order: asyncpg.Record | None, vendor_id: str, book: MenuBook) -> VendorTaskAssigned | None:
    """The task as the caterer last heard it, if that order and its menu are still known."""
    if order is None or order["meal_period"] is None or book.menu(order["menu"]) is None:
        return None
    task = vendor_task(confirmed_order(order), book, None, order["revision"])
    return task if task.vendor_id == vendor_id else None
