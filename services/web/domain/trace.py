"""A booking's trace (the venue's text waterfall, what `make demo` prints) as rows a page can draw."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(
    r"^(?P<label>.{58}) \|(?P<bar>.*)\| \+\s*(?P<at>[\d.]+) ms\s+(?P<took>[\d.]+) ms(?P<flag> !)?$"
)


@dataclass(frozen=True)
class SpanRow:
    depth: int
    service: str
    name: str
    at_ms: float
    took_ms: float
    error: bool

    def left(self, total_ms: float) -> float:
        """Where the bar starts, in percent of the trace."""
        return round(100 * self.at_ms / total_ms, 2) if total_ms else 0.0

    def width(self, total_ms: float) -> float:
        return max(0.3, round(100 * self.took_ms / total_ms, 2)) if total_ms else 100.0


def parse_waterfall(text: str) -> list[SpanRow]:
    rows = []
    for line in text.splitlines()[1:]:
        match = _LINE.match(line)
        if not match:
            continue
        label = match["label"].rstrip()
        depth = (len(label) - len(label.lstrip(" "))) // 2
        service, _, name = label.strip().partition(": ")
        rows.append(
            SpanRow(depth, service, name, float(match["at"]), float(match["took"]), bool(match["flag"]))
        )
    return rows


def total_ms(rows: list[SpanRow]) -> float:
    return max((row.at_ms + row.took_ms for row in rows), default=0.0)
