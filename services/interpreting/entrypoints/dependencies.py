"""What interpreting's entrypoints use, built once at start-up by ``bootstrap`` (controllers receive it as ``deps``)."""

from __future__ import annotations

from dataclasses import dataclass

from services.interpreting.domain.roster import Roster
from shared.db.unit_of_work import Database
from shared.participant.domain.task_kind import TaskKind


@dataclass(frozen=True)
class InterpretingDependencies:
    database: Database
    roster: Roster  # agencies, interpreters and booths (seeded into the database at start-up)
    tasks: TaskKind  # the agencies' tasks, with the configured answer window
