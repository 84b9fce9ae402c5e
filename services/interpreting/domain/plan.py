"""What a meeting needs: its language pairs, one booth per target language and a team per booth.

Pure: built from the fields of a ``ReserveInterpreting`` command; a request we can never serve raises
``CannotServe`` with a reason the organizer can act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.interpreting.domain.languages import UnknownLanguage, language
from services.interpreting.domain.receivers import receivers_needed
from services.interpreting.domain.relay import relay_pivots
from services.interpreting.domain.roster import Mode, Pair, Roster
from services.interpreting.domain.teams import SessionTooLong, booths_needed, consecutive_team, team_size


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
    mode: Mode = "simultaneous"
    relays: tuple[tuple[str, str], ...] = ()  # (target, pivot) for the booths that take relay

    @property
    def booths(self) -> int:
        return 0 if self.mode == "consecutive" else booths_needed(self.target_languages)

    @property
    def receivers(self) -> int:
        """Headsets for the listeners; consecutive interpretation is heard without them."""
        return 0 if self.mode == "consecutive" else receivers_needed(self.attendees)

    def source_of(self, target: str) -> str:
        """The language the ``target`` booth interprets from: the floor, or its relay pivot."""
        return dict(self.relays).get(target, self.floor_language)

    @property
    def pairs(self) -> list[Pair]:
        return [Pair(self.source_of(target), target) for target in self.target_languages]

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
    roster: Roster | None = None,
) -> Plan:
    """The booths and teams the meeting needs; ``CannotServe`` if no roster could ever serve it.

    With a ``roster``, a small meeting into one language goes consecutive and a target nobody covers
    from the floor is relayed through another target's booth where the roster allows it.
    """
    try:
        floor = language(floor_language, "floor language")
        targets = tuple(language(code, "target language") for code in target_languages)
    except UnknownLanguage as error:
        raise CannotServe(str(error)) from None
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
    consecutive = roster is not None and len(targets) == 1 and attendees <= roster.consecutive_max_attendees
    try:
        team = (consecutive_team if consecutive else team_size)(ends_at - starts_at)
    except SessionTooLong as error:
        raise CannotServe(str(error)) from None
    if consecutive:
        return Plan(space_id, starts_at, ends_at, floor, targets, team, attendees, load_time, "consecutive")
    pivots = relay_pivots(floor, targets, lambda pair: bool(roster.candidates(pair))) if roster else {}
    relays = tuple((target, pivots[target]) for target in targets if target in pivots)
    return Plan(space_id, starts_at, ends_at, floor, targets, team, attendees, load_time, relays=relays)
