"""The agencies, interpreters and booths we can assign, read from ``roster.json`` (data, not code).

An interpreter covers a language pair when both languages are among their working languages. A space
with fixed booths uses only those; every other space draws on the pool of mobile booths.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import msgspec

ROSTER_PATH = Path(__file__).resolve().parent.parent / "roster.json"


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
    languages: list[str]

    def covers(self, pair: Pair) -> bool:
        return pair.source in self.languages and pair.target in self.languages


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

    def candidates(self, pair: Pair) -> list[Interpreter]:
        """Who covers ``pair``, those with the fewest other languages first (rare skills stay free)."""
        covering = [interpreter for interpreter in self.interpreters if interpreter.covers(pair)]
        return sorted(covering, key=lambda interpreter: (len(interpreter.languages), interpreter.id))

    def scarcest_first(self, pairs: list[Pair]) -> list[Pair]:
        """Staff the pairs with the fewest candidates first, so a versatile interpreter is not used up early."""
        return sorted(pairs, key=lambda pair: (len(self.candidates(pair)), pair))

    def vendor_of(self, interpreter_id: str) -> str:
        return next(i.vendor_id for i in self.interpreters if i.id == interpreter_id)


def load_roster(path: Path = ROSTER_PATH) -> Roster:
    return msgspec.json.decode(path.read_bytes(), type=Roster)
