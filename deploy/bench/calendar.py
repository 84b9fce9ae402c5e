"""Where the bench's bookings go: distinct slots day after day, so no two bookings compete.

Five spaces × three slots a day with interpreting en→zh (a team of two each: ten interpreters, all of
the roster's en→zh people per slot) and a Western buffet (served at breakfast, lunch or dinner) all
confirm; more in a slot would be rejected for want of interpreters or booths. Days in use, counted
from today in the venue's time zone:
    TEMPLATE_DAY          the templates that seeding copies (one booking per space and slot)
    FIRST_DAY …           bookings driven through the API (sequential, throughput, warm-up)
    CALENDAR_DAYS         the availability month: 500 seeded bookings
    FUTURE_DAYS           growth: seeded future bookings, up to the 540-day horizon; the rest go back
                          in time from yesterday
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from deploy.embedded.client import forum_request, venue_day

SPACES = (
    ("room-a", "theater"),
    ("room-b", "theater"),
    ("room-c", "theater"),
    ("experience-center", "reception"),
    ("multifunctional-hall", "theater"),
)
SLOTS = ((9, 12), (14, 18), (19, 21))  # hours, venue time: breakfast, lunch and dinner service
# seeding also copies public-exhibition bookings (catering only; its hour of setup and of teardown
# leave room for two slots): seventeen bookings a day, 510 in the availability month
TEMPLATE_ONLY_SPACES = (("public-exhibition", "reception"),)
TEMPLATE_ONLY_SLOTS = SLOTS[:2]
TEMPLATE_DAY = 24
FIRST_DAY = 30
CALENDAR_DAYS = range(360, 390)
FUTURE_DAYS = range(392, 540)


class CalendarFull(RuntimeError):
    """More bookings asked for than the bench's stretch of the calendar holds."""


def booking_request(
    day: int, space: str, layout: str, slot: tuple[int, int], interpreting: bool = True
) -> dict[str, Any]:
    """A forum with English–Chinese interpretation and a buffet for 40 in one slot of one day."""
    midnight: datetime = venue_day(day)
    body = forum_request(midnight, space, layout=layout)
    body["starts_at"] = midnight.replace(hour=slot[0]).isoformat()
    body["ends_at"] = midnight.replace(hour=slot[1]).isoformat()
    body["attendees"] = 50
    body["catering"]["headcount"] = 40
    if not interpreting:
        del body["interpreting"]
    return body


@dataclass
class Calendar:
    """Hands out the next free slot, from FIRST_DAY on, until the availability month."""

    taken: int = 0

    def next_request(self) -> dict[str, Any]:
        per_day = len(SPACES) * len(SLOTS)
        day, rest = divmod(self.taken, per_day)
        if FIRST_DAY + day >= CALENDAR_DAYS.start:
            raise CalendarFull(f"the bench books at most {per_day * (CALENDAR_DAYS.start - FIRST_DAY)}")
        self.taken += 1
        space, layout = SPACES[rest % len(SPACES)]
        return booking_request(FIRST_DAY + day, space, layout, SLOTS[rest // len(SPACES)])


def template_requests() -> list[dict[str, Any]]:
    """One booking per space and slot on TEMPLATE_DAY: what seeding copies."""
    requests = [
        booking_request(TEMPLATE_DAY, space, layout, slot) for slot in SLOTS for space, layout in SPACES
    ]
    requests += [
        booking_request(TEMPLATE_DAY, space, layout, slot, interpreting=False)
        for slot in TEMPLATE_ONLY_SLOTS
        for space, layout in TEMPLATE_ONLY_SPACES
    ]
    return requests


def idempotency_key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}
