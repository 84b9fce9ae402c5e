"""Arithmetic on sorted lists of closed spans of time ``(start, end)``, start <= end. Pure.

Moments are datetimes or, where speed matters (availability), epoch seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

Moment = TypeVar("Moment", int, datetime)


def union(spans: Iterable[tuple[Moment, Moment]]) -> list[tuple[Moment, Moment]]:
    """The spans merged where they overlap or touch, sorted."""
    merged: list[tuple[Moment, Moment]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def gaps(busy: list[tuple[Moment, Moment]], within: tuple[Moment, Moment]) -> list[tuple[Moment, Moment]]:
    """The stretches of ``within`` between the spans of ``busy`` (a union), ends included."""
    free: list[tuple[Moment, Moment]] = []
    cursor = within[0]
    for start, end in busy:
        if end <= cursor:
            continue
        if start >= within[1]:
            break
        if start >= cursor:
            free.append((cursor, start))
        cursor = end
    if cursor <= within[1]:
        free.append((cursor, within[1]))
    return free


def intersect(a: list[tuple[Moment, Moment]], b: list[tuple[Moment, Moment]]) -> list[tuple[Moment, Moment]]:
    """The moments in both ``a`` and ``b`` (each sorted and disjoint)."""
    both: list[tuple[Moment, Moment]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start <= end:
            both.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return both
