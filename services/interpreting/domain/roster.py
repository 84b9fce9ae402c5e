"""The agencies, interpreters and booths we can assign, read from ``roster.json`` (data, not code).

Working languages follow AIIC: A is a mother tongue, B an active language, C a passive one. An
interpreter works from any of their languages into an A or a B (never into a C); in simultaneous mode
(a booth) into a B only if that B is marked ``retour``, in consecutive mode into any B. A space with
fixed booths uses only those; every other space draws on the pool of mobile booths.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Literal, TypeAlias
from zoneinfo import ZoneInfo

import msgspec

ROSTER_PATH = Path(__file__).resolve().parent.parent / "roster.json"

Mode: TypeAlias = Literal["simultaneous", "consecutive"]
Grade: TypeAlias = Literal["A", "B", "C"]


@dataclass(frozen=True, order=True)
class Pair:
    """Interpretation from the floor language into one target language (one booth)."""

    source: str
    target: str

    def __str__(self) -> str:
        return f"{self.source}→{self.target}"


class Agency(msgspec.Struct, frozen=True, kw_only=True):
    vendor_id: str
    name: dict[str, str]


class Interpreter(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    vendor_id: str
    languages: dict[str, Grade]  # ISO 639-1 code -> AIIC class
    retour: list[str] = []  # the B languages they also interpret into in a booth

    def __post_init__(self) -> None:
        if "A" not in self.languages.values():
            raise ValueError(f"interpreter {self.id} has no A language")
        if any(self.languages.get(code) != "B" for code in self.retour):
            raise ValueError(f"interpreter {self.id}: a retour must be one of their B languages")

    def covers(self, pair: Pair, mode: Mode = "simultaneous") -> bool:
        """Whether they can work from ``pair.source`` into ``pair.target`` in ``mode`` (see the module)."""
        into = self.languages.get(pair.target)
        if pair.source not in self.languages or pair.source == pair.target or into is None:
            return False
        return into == "A" or (into == "B" and (mode == "consecutive" or pair.target in self.retour))


class Booth(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    kind: Literal["fixed", "mobile"]
    space_id: str | None = None


@dataclass(frozen=True)
class BoothPool:
    """The booths a space may use, in the order they are handed out."""

    kind: str
    booth_ids: list[str]


class Roster(msgspec.Struct, frozen=True, kw_only=True):
    time_zone: str
    load_minutes: int
    consecutive_max_attendees: int = 30  # a meeting this small with one target language goes consecutive
    receivers: int = 800  # headsets in the pool, shared by all simultaneous meetings
    agencies: list[Agency]
    interpreters: list[Interpreter]
    booths: list[Booth]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def load_time(self) -> timedelta:
        """Load-in before and load-out after the meeting: booths and interpreters are held for it too."""
        return timedelta(minutes=self.load_minutes)

    def booth_pool(self, space_id: str) -> BoothPool:
        fixed = [booth.id for booth in self.booths if booth.kind == "fixed" and booth.space_id == space_id]
        if fixed:
            return BoothPool("fixed", fixed)
        return BoothPool("mobile", [booth.id for booth in self.booths if booth.kind == "mobile"])

    def candidates(self, pair: Pair, mode: Mode = "simultaneous") -> list[Interpreter]:
        """Who covers ``pair``, those with the fewest other languages first (rare skills stay free)."""
        covering = [interpreter for interpreter in self.interpreters if interpreter.covers(pair, mode)]
        return sorted(covering, key=lambda interpreter: (len(interpreter.languages), interpreter.id))

    def scarcest_first(self, pairs: list[Pair], mode: Mode = "simultaneous") -> list[Pair]:
        """Staff the pairs with the fewest candidates first, so a versatile interpreter is not used up early."""
        return sorted(pairs, key=lambda pair: (len(self.candidates(pair, mode)), pair))

    def vendor_of(self, interpreter_id: str) -> str:
        return next(i.vendor_id for i in self.interpreters if i.id == interpreter_id)


def load_roster(path: Path = ROSTER_PATH) -> Roster:
    return msgspec.json.decode(path.read_bytes(), type=Roster)
