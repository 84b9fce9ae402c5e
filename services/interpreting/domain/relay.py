"""Relay: a target language nobody interprets from the floor is taken from another booth (the pivot).

With ``th`` on the floor and ``en``, ``lo`` as targets, if nobody works th→lo but someone works th→en
and someone en→lo, the lo booth listens to the en booth. The pivot is always a target served directly
from the floor (one hop only), and relay is planned only when the roster has nobody for the direct pair:
direct interpreters who are merely booked then are reported as such, not worked around.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from services.interpreting.domain.roster import Pair


def relay_pivots(floor: str, targets: Sequence[str], covered: Callable[[Pair], bool]) -> dict[str, str]:
    """Target -> pivot for each target with no direct cover but a relay through a directly covered target."""
    direct = [target for target in targets if covered(Pair(floor, target))]
    pivots = {}
    for target in targets:
        if target in direct:
            continue
        pivot = next((p for p in direct if covered(Pair(p, target))), None)
        if pivot is not None:
            pivots[target] = pivot
    return pivots
