"""The catering service's NATS consumers: the saga's commands (durable ``catering-commands``) and the
caterers' answers to their tasks (durable ``catering-task-answers``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from services.catering import handlers
from services.catering.entrypoints.dependencies import CateringDependencies
from shared.contracts import ConfirmCatering, ReleaseCatering, ReserveCatering
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import UnitOfWork
from shared.participant.entrypoints.messages import Routes, participant_routes

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def routes(deps: CateringDependencies, clock: Clock = _utc_now) -> Routes:
    """Handlers for the saga's catering commands and the caterers' answers, keyed by their durable consumer."""
    book, tasks = deps.menus, deps.tasks

    async def on_reserve(command: ReserveCatering, unit: UnitOfWork) -> None:
        """Hold kitchen covers for one plan revision (beside the booking's others), or reject it with a reason the organizer can act on."""
        await handlers.reserve(command, unit, book, clock(), deps.guarantee)

    async def on_confirm(command: ConfirmCatering, unit: UnitOfWork) -> None:
        """Make the revision firm, give back the older revisions' covers, and assign, change or cancel the caterer's task."""
        await handlers.confirm(command, unit, book, tasks)

    async def on_release(command: ReleaseCatering, unit: UnitOfWork) -> None:
        """Free the revision's covers (compensation, or cancelling the firm revision and its task); always answered with CateringReleased."""
        await handlers.release(command, unit, tasks)

    async def on_answer(answer: VendorTaskAnswer, unit: UnitOfWork) -> None:
        """A caterer accepts, declines (with a reason) or reports done its task; a decline or a missed answer deadline hands the order to another caterer serving the menu, else escalates to staff."""
        await handlers.Caterers(book, tasks).answer(unit, answer)

    return participant_routes(
        "catering",
        {ReserveCatering: on_reserve, ConfirmCatering: on_confirm, ReleaseCatering: on_release},
        on_answer,
    )
