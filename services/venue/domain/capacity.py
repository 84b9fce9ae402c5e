"""Net seated capacity: a layout's seats minus the seats whose floor mobile booths and a buffet take.

Spaces with fixed interpretation booths lose nothing for up to that many languages; each language
beyond needs a mobile booth (ISO 4043: about 2.5 m × 1.7 m plus 1.5 m clearance). A buffet takes
floor per guest plus a serving line per started hundred guests. Pure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from services.venue.domain.catalog import FloorUse, Space


@dataclass(frozen=True)
class FloorNeeds:
    """What besides seats needs floor: interpretation booths (one per target language), a buffet."""

    booths: int = 0
    buffet_guests: int = 0


@dataclass(frozen=True)
class NetCapacity:
    layout_seats: int
    seats: int
    mobile_booths: int
    buffet_guests: int
    floor_m2: float

    @property
    def seats_lost(self) -> int:
        return self.layout_seats - self.seats

    def limit(self, space_id: str, layout: str) -> str:
        """E.g. "room-a seats at most 97 in the theater layout with 1 mobile interpretation booth ..."."""
        text = f"{space_id} seats at most {self.seats} in the {layout} layout"
        takers = []
        if self.mobile_booths:
            plural = "s" if self.mobile_booths > 1 else ""
            takers.append(f"{self.mobile_booths} mobile interpretation booth{plural}")
        if self.buffet_guests:
            takers.append(f"a buffet for {self.buffet_guests}")
        if not takers:
            return text
        return (
            f"{text} with {' and '.join(takers)} "
            f"({self.floor_m2:.1f} m² of floor: {self.seats_lost} seats fewer than {self.layout_seats})"
        )


def floor_needs(
    floor_use: FloorUse, target_languages: int, catering_menu: str | None, catering_headcount: int | None
) -> FloorNeeds:
    """The needs of a booking: a booth per target language; a buffet if the menu is served as one."""
    is_buffet = catering_menu is not None and catering_menu in floor_use.buffet_menus
    return FloorNeeds(booths=target_languages, buffet_guests=(catering_headcount or 0) if is_buffet else 0)


def buffet_floor_m2(floor_use: FloorUse, guests: int) -> float:
    if guests <= 0:
        return 0.0
    lines = math.ceil(guests / floor_use.buffet_line_guests)
    return guests * floor_use.buffet_m2_per_guest + lines * floor_use.buffet_line_m2


def net_capacity(space: Space, layout: str, floor_use: FloorUse, needs: FloorNeeds) -> NetCapacity | None:
    """The seats left in ``layout`` once booths and buffet have their floor; None if not offered."""
    layout_seats = space.layouts.get(layout)
    if layout_seats is None:
        return None
    mobile_booths = max(0, needs.booths - space.fixed_booths)
    floor = mobile_booths * floor_use.mobile_booth.floor_m2 + buffet_floor_m2(floor_use, needs.buffet_guests)
    m2_per_seat = floor_use.m2_per_seat.get(layout) or space.area_m2 / layout_seats
    lost = math.ceil(round(floor / m2_per_seat, 6)) if floor else 0
    return NetCapacity(layout_seats, max(0, layout_seats - lost), mobile_booths, needs.buffet_guests, floor)
