"""The interpreting service's NATS consumer: the booking saga's commands, on ``interpreting-commands``."""

from __future__ import annotations

from collections.abc import Mapping

from services.interpreting import handlers
from services.interpreting.domain.roster import Roster
from shared.contracts import ConfirmInterpreting, Message, ReleaseInterpreting, ReserveInterpreting
from shared.db.unit_of_work import UnitOfWork
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer

DURABLE = "interpreting-commands"


def routes(roster: Roster) -> Mapping[Consumer, Mapping[type[Message], Handler]]:
    """ReserveInterpreting, ConfirmInterpreting and ReleaseInterpreting, delivered by our durable consumer."""

    async def on_reserve(command: ReserveInterpreting, unit: UnitOfWork) -> None:
        """Hold booths and interpreter teams for one plan revision (beside the booking's others), answering InterpretingReserved or InterpretingRejected with that revision."""
        await handlers.reserve(command, unit, roster)

    async def on_confirm(command: ConfirmInterpreting, unit: UnitOfWork) -> None:
        """Make the revision firm and release the booking's older revisions, answering InterpretingConfirmed; each agency gets its task assigned, changed or cancelled."""
        await handlers.confirm(command, unit, roster)

    async def on_release(command: ReleaseInterpreting, unit: UnitOfWork) -> None:
        """Free what the revision holds (or refuse its later Reserve), answering InterpretingReleased; releasing the firm revision cancels the agencies' tasks."""
        await handlers.release(command, unit)

    consumer = next(consumer for consumer in CONSUMERS if consumer.durable == DURABLE)
    return {
        consumer: {
            ReserveInterpreting: on_reserve,
            ConfirmInterpreting: on_confirm,
            ReleaseInterpreting: on_release,
        }
    }
