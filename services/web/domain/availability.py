"""The availability grid: which space is free on which day, and the start times it offers. Pure.

Built from GET /availability (free windows per space that seats the attendees net). A window says any
start from ``starts_at`` to ``latest_start`` on the 30-minute grid fits the asked duration; the grid
shows, per space and venue day, the earliest and latest such start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

GRID = timedelta(minutes=30)
OPENS, CLOSES = time(8, 0), time(22, 0)


@dataclass
class Cell:
    day: date
    starts: list[datetime] = field(default_factory=list)  # venue-local start times on this day

    @property
    def free(self) -> bool:
        return bool(self.starts)

    @property
    def value(self) -> str:
        return self.day.isoformat()


@dataclass
class Row:
    space_id: str
    names: dict[str, str]
    capacity: int  # net, with the asked booths and buffet
    layout_capacity: int
    requires_approval: bool
    cells: list[Cell]

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.space_id

    @property
    def reduced(self) -> bool:
        """Booths or a buffet take floor: fewer seats than the layout's own figure."""
        return self.capacity < self.layout_capacity


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def slots(window: dict[str, Any], zone: ZoneInfo) -> list[datetime]:
    """Every start the window allows, on the grid and within opening hours, on the venue's clock."""
    start = datetime.fromisoformat(window["starts_at"]).astimezone(zone)
    latest = datetime.fromisoformat(window["latest_start"]).astimezone(zone)
    found = []
    moment = start
    while moment <= latest:
        if OPENS <= moment.time() < CLOSES:
            found.append(moment)
        moment += GRID
    return found


def grid(availability: dict[str, Any], first: date, last: date, venue_zone: str) -> list[Row]:
    zone = ZoneInfo(venue_zone)
    days = days_between(first, last)
    rows = []
    for space in availability.get("spaces", []):
        cells = {day: Cell(day) for day in days}
        for window in space.get("windows", []):
            for start in slots(window, zone):
                if start.date() in cells:
                    cells[start.date()].starts.append(start)
        rows.append(
            Row(
                space_id=space["space_id"],
                names=space.get("name", {}),
                capacity=space["capacity"],
                layout_capacity=space["layout_capacity"],
                requires_approval=space.get("requires_approval", False),
                cells=[cells[day] for day in days],
            )
        )
    return rows


def starts_on(rows: list[Row], space_id: str, day: str) -> list[datetime]:
    """The start times of one space on one day (the wizard's start question)."""
    for row in rows:
        if row.space_id == space_id:
            for cell in row.cells:
                if cell.value == day:
                    return sorted(set(cell.starts))
    return []
