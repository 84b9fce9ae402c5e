"""The two durable consumers of every participant: the saga's commands (``<service>-commands``) and the
vendors' answers to their tasks (``<service>-task-answers``)."""

from __future__ import annotations

from collections.abc import Mapping

from shared.contracts import Message, VendorTaskAccepted, VendorTaskDeclined, VendorTaskDone
from shared.messaging.consumer import Handler
from shared.messaging.streams import CONSUMERS, Consumer

Routes = Mapping[Consumer, Mapping[type[Message], Handler]]


def participant_routes(service: str, commands: Mapping[type[Message], Handler], on_answer: Handler) -> Routes:
    """The service's command handlers and its answer handler, each on its durable consumer."""
    by_name = {consumer.durable: consumer for consumer in CONSUMERS}
    answers: Mapping[type[Message], Handler] = {
        VendorTaskAccepted: on_answer,
        VendorTaskDeclined: on_answer,
        VendorTaskDone: on_answer,
    }
    return {by_name[f"{service}-commands"]: commands, by_name[f"{service}-task-answers"]: answers}
