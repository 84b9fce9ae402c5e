"""Who can take over the seats of an agency that declined or did not answer, and what is missing if nobody can.

Pure. Only interpreters of agencies that have not let go of this booking's work (declined, or let the
answer deadline pass) are asked, never one already seated in the booking's plan.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from services.interpreting.domain.reasons import when
from services.interpreting.domain.roster import Mode, Pair, Roster


def stand_ins(
    roster: Roster, pair: Pair, mode: Mode, never_again: Collection[str], seated: Collection[str]
) -> list[str]:
    """Interpreters who cover ``pair`` in ``mode`` at another agency, the least versatile first."""
    return [
        interpreter.id
        for interpreter in roster.candidates(pair, mode)
        if interpreter.vendor_id not in never_again and interpreter.id not in seated
    ]


@dataclass(frozen=True)
class Uncovered:
    """Seats of one pair that no other agency could fill."""

    pair: Pair
    need: int
    found: int

    def text(self, period: str) -> str:
        return f"no interpreter for {self.pair} on {period}: {self.need} needed, {self.found} free at other agencies"


def uncovered_reason(
    uncovered: list[Uncovered], starts_at: datetime, ends_at: datetime, zone: ZoneInfo
) -> str:
    """Every pair left without interpreters, in one reason (like a rejection reason)."""
    period = when(starts_at, ends_at, zone)
    return "; ".join(gap.text(period) for gap in uncovered)
