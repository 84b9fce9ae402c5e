"""What a meeting needs: its language pairs, one booth per target language and a team per booth.

Pure: built from the fields of a ``ReserveInterpreting`` command; a request we can never serve raises
``CannotServe`` with a reason the organizer can act on.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from services.interpreting.domain.roster import Pair
from services.interpreting.domain.teams import SessionTooLong, booths_needed, team_size

_ISO_639_1 = re.compile(r"^[a-z]{2}$")


class PlanKey(NamedTuple):
    """One plan of a booking: revision 0 first, then n+1 for a change reserved beside revision n."""

    booking_id: uuid.UUID
    revision: int


class CannotServe(ValueError):
    """The request itself is unservable (bad languages, bad times, too long): nothing to look up."""


@dataclass(frozen=True)
class Plan:
    space_id: str
    starts_at: datetime
    ends_at: datetime
    floor_language: str
    target_languages: tuple[str, ...]
    team_per_booth: int
    attendees: int
    load_time: timedelta

    @property
    def booths(self) -> int:
        return booths_needed(self.target_languages)

    @property
    def pairs(self) -> list[Pair]:
        return [Pair(self.floor_language, target) for target in self.target_languages]

    @property
    def load_in_at(self) -> datetime:
        return self.starts_at - self.load_time

    @property
    def load_out_at(self) -> datetime:
        return self.ends_at + self.load_time


def plan_for(
    space_id: str,
    starts_at: datetime,
    ends_at: datetime,
    floor_language: str,
    target_languages: Sequence[str],
    attendees: int,
    load_time: timedelta,
) -> Plan:
    """The booths and teams the meeting needs; ``CannotServe`` if no roster could ever serve it."""
    floor = _language(floor_language, "floor language")
    targets = tuple(_language(code, "target language") for code in target_languages)
    if not targets:
        raise CannotServe("name at least one target language")
    if floor in targets:
        raise CannotServe(f"the floor language {floor} needs no booth: remove it from the target languages")
    if len(set(targets)) != len(targets):
        raise CannotServe("a target language is listed twice")
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise CannotServe("times need a UTC offset")
    if ends_at <= starts_at:
        raise CannotServe("the meeting must end after it starts")
    try:
        team = team_size(ends_at - starts_at)
    except SessionTooLong as error:
        raise CannotServe(str(error)) from None
    return Plan(space_id, starts_at, ends_at, floor, targets, team, attendees, load_time)


def _language(code: str, role: str) -> str:
    normalized = code.strip().lower()
    if not _ISO_639_1.match(normalized):
        raise CannotServe(f"the {role} {code!r} is not an ISO 639-1 code such as en, zh or ja")
    return normalized
