"""What differs between the services that hand out vendor tasks: the kind, ids, names and the state event."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from shared.contracts.tasks import VendorTaskStateChanged
from shared.participant.domain.task_revisions import message_id
from shared.participant.domain.task_states import AnswerWindow


@dataclass(frozen=True)
class TaskKind:
    """``kind`` as in the subjects, the uuid5 ``namespace`` of message ids, what a change names, the event
    that tells the venue a task's state, and how long vendors have to answer."""

    kind: str
    namespace: uuid.UUID
    change_names: Mapping[str, str]
    state_event: type[VendorTaskStateChanged]
    window: AnswerWindow = field(default_factory=AnswerWindow)

    def message_id(self, task_id: str, revision: int, event: str) -> uuid.UUID:
        """The id of ``event`` about a task at a plan revision: the same event is never told twice."""
        return message_id(self.namespace, task_id, revision, event)
