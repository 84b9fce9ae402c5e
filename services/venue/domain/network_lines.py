"""The venue's international dedicated network lines, read from ``network_lines.json`` (data, not code)."""

from __future__ import annotations

from pathlib import Path

import msgspec

LINES_PATH = Path(__file__).resolve().parent.parent / "network_lines.json"


class NetworkLine(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    bandwidth_mbps: int
    description: str


class LinePool(msgspec.Struct, frozen=True):
    lines: list[NetworkLine]

    @property
    def ids(self) -> list[str]:
        return [line.id for line in self.lines]


def load_line_pool(path: Path = LINES_PATH) -> LinePool:
    return msgspec.json.decode(path.read_bytes(), type=LinePool)
