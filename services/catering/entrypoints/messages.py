"""The catering service's NATS consumers: the saga's commands (durable ``catering-commands``) and the
caterers' answers to their tasks (durable ``catering-task-answers``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from services.catering import handlers
from services.catering.domain.guarantee import DEFAULT_POLICY, GuaranteePolicy
from services.catering.domain.menus import MenuBook
from services.catering.domain.tasks import TASKS
from shared.contracts import (
    ConfirmCatering,
    Message,
    ReleaseCatering,
    ReserveCatering,
    VendorTaskAccepted,
    VendorTaskDeclined,
    VendorTaskDone,
)
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer
from shared.vendor_tasks.kind import TaskKind

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def routes(
    book: MenuBook,
    clock: Clock = _utc_now,
    guarantee: GuaranteePolicy = DEFAULT_POLICY,
    tasks: TaskKind = TASKS,
) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """Handlers for the saga's catering commands and the caterers' answers, keyed by their durable consumer."""

    async def on_reserve(command: ReserveCatering, unit: UnitOfWork) -> None:
        """Hold kitchen covers for one plan revision (beside the booking's others), or reject it with a reason the organizer can act on."""
        await handlers.reserve(command, unit, book, clock(), guarantee)

    async def on_confirm(command: ConfirmCatering, unit: UnitOfWork) -> None:
        """Make the revision firm, give back the older revisions' covers, and assign, change or cancel the caterer's task."""
        await handlers.confirm(command, unit, book, tasks)

    async def on_release(command: ReleaseCatering, unit: UnitOfWork) -> None:
        """Free the revision's covers (compensation, or cancelling the firm revision and its task); always answered with CateringReleased."""
        await handlers.release(command, unit, tasks)

    async def on_answer(answer: VendorTaskAnswer, unit: UnitOfWork) -> None:
        """A caterer accepts, declines (with a reason) or reports done its task; a decline or a missed answer deadline hands the order to another caterer serving the menu, else escalates to staff."""
        await handlers.answer(answer, unit, book, tasks)

    by_name = {consumer.durable: consumer for consumer in CONSUMERS}
    return {
        by_name["catering-commands"]: {
            ReserveCatering: on_reserve,
            ConfirmCatering: on_confirm,
            ReleaseCatering: on_release,
        },
        by_name["catering-task-answers"]: {
            VendorTaskAccepted: on_answer,
            VendorTaskDeclined: on_answer,
            VendorTaskDone: on_answer,
        },
    }
