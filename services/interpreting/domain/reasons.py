"""Rejection reasons for the organizer: what is missing, for which pair or space, at what local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from services.interpreting.domain.roster import BoothPool, Pair

CANCELLED = "the booking was cancelled before interpretation was reserved; nothing is held"
RELEASED_EARLY = "released before reserve"  # the tombstone of a release that came before its reserve


def superseded(revision: int, confirmed: int) -> str:
    return f"plan revision {revision} is older than the confirmed revision {confirmed}; nothing is held"


def when(starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> str:
    """``2027-03-02 14:00–18:00 (Asia/Shanghai)``; the end date is repeated only if it differs."""
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    end_text = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M}–{end_text} ({zone.key})"


@dataclass(frozen=True)
class InterpreterShortage:
    pair: Pair
    need: int
    free: int
    on_roster: int
    relay_of: Pair | None = None  # the floor→target pair this pair serves by relay

    def text(self, period: str) -> str:
        relay = f" (relay of {self.relay_of} via the {self.pair.source} booth)" if self.relay_of else ""
        base = f"no interpreter for {self.pair}{relay} on {period}: need {self.need}, {self.free} free"
        if self.on_roster == 0:
            return f"{base} (none of our agencies works in {self.pair})"
        if self.free == 0:
            return f"{base} (all {self.on_roster} who work in {self.pair} are booked then)"
        return base


@dataclass(frozen=True)
class BoothShortage:
    space_id: str
    pool: BoothPool
    need: int
    free: int

    def text(self, period: str) -> str:
        size = len(self.pool.booth_ids)
        if self.pool.kind == "fixed" and self.need > size:
            return (
                f"{self.space_id} has {size} fixed interpretation booths: {self.need} target languages need "
                f"{self.need} booths; drop {self.need - size} target language(s) or choose another space"
            )
        return (
            f"no interpretation booth free for {self.space_id} on {period}: "
            f"need {self.need} {self.pool.kind} booth(s), {self.free} free"
        )


@dataclass(frozen=True)
class ReceiverShortage:
    need: int
    free: int
    pool: int

    def text(self, period: str) -> str:
        return (
            f"not enough receivers on {period}: need {self.need} receivers, {self.free} free"
            f" (pool of {self.pool}, attendees plus 5 % spare)"
        )


Shortage = InterpreterShortage | BoothShortage | ReceiverShortage


def rejection(shortages: list[Shortage], starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> str:
    """Every shortage, booths first, then interpreters, then receivers, joined into one reason."""
    period = when(starts_at, ends_at, zone)
    rank = {BoothShortage: 0, InterpreterShortage: 1, ReceiverShortage: 2}
    ordered = sorted(shortages, key=lambda shortage: rank[type(shortage)])
    return "; ".join(shortage.text(period) for shortage in ordered)
