"""The interpreting service's NATS consumers: the booking saga's commands (``interpreting-commands``) and
the agencies' answers to their tasks (``interpreting-task-answers``)."""

from __future__ import annotations

from services.interpreting import handlers
from services.interpreting.entrypoints.dependencies import InterpretingDependencies
from shared.contracts import ConfirmInterpreting, ReleaseInterpreting, ReserveInterpreting
from shared.contracts.tasks import VendorTaskAnswer
from shared.db.unit_of_work import UnitOfWork
from shared.participant.entrypoints.messages import Routes, participant_routes


def routes(deps: InterpretingDependencies) -> Routes:
    """The saga's commands and the agencies' answers, each from its durable consumer."""
    roster, tasks = deps.roster, deps.tasks

    async def on_reserve(command: ReserveInterpreting, unit: UnitOfWork) -> None:
        """Hold booths and interpreter teams for one plan revision (beside the booking's others), answering InterpretingReserved or InterpretingRejected with that revision."""
        await handlers.reserve(command, unit, roster)

    async def on_confirm(command: ConfirmInterpreting, unit: UnitOfWork) -> None:
        """Make the revision firm and release the booking's older revisions, answering InterpretingConfirmed; each agency gets its task assigned, changed or cancelled."""
        await handlers.confirm(command, unit, roster, tasks)

    async def on_release(command: ReleaseInterpreting, unit: UnitOfWork) -> None:
        """Free what the revision holds (or refuse its later Reserve), answering InterpretingReleased; releasing the firm revision cancels the agencies' tasks."""
        await handlers.release(command, unit, tasks)

    async def on_answer(answer: VendorTaskAnswer, unit: UnitOfWork) -> None:
        """An agency accepts, declines (with a reason) or reports done its task; a decline or a missed answer deadline hands its seats to interpreters of other agencies, else escalates to staff."""
        await handlers.Agencies(roster, tasks).answer(unit, answer)

    return participant_routes(
        "interpreting",
        {
            ReserveInterpreting: on_reserve,
            ConfirmInterpreting: on_confirm,
            ReleaseInterpreting: on_release,
        },
        on_answer,
    )
