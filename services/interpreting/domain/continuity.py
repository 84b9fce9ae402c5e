"""A change keeps what it can: the booths and interpreters the booking's other revision already has.

When revision n+1 is reserved beside revision n, the resources of n are free for n+1 (the same booking
may hold them twice). Offering them first means a change of time or headcount usually leaves the
agencies' teams and booths as they were, so their tasks change only where the plan really did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def booths_in_order(
    targets: Sequence[str], free: Sequence[str], previous: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """Target languages and free booths lined up so that each target gets its previous booth if it is free."""
    kept: dict[str, str] = {}
    for target in targets:
        booth = previous.get(target)
        if booth is not None and booth in free and booth not in kept.values():
            kept[target] = booth
    slots = [*kept, *(target for target in targets if target not in kept)]
    candidates = [*kept.values(), *(booth for booth in free if booth not in kept.values())]
    return slots, candidates


def team_first(previous: Sequence[str], free: Sequence[str]) -> list[str]:
    """``free`` with those in ``previous`` (the same pair in the other revision) first, each once."""
    again = [interpreter for interpreter in dict.fromkeys(previous) if interpreter in free]
    return [*again, *(interpreter for interpreter in free if interpreter not in again)]
