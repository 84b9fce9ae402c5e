"""Commands and clock for the use-case unit tests on the fake unit of work (``fakes.py``)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import msgspec

from services.venue.domain.booking import BookingRequest
from services.venue.domain.catalog import load_catalog
from services.venue.domain.commands import NewBooking
from services.venue.domain.settings import SagaSettings
from shared.contracts import Organizer

CATALOG = load_catalog()
SETTINGS = SagaSettings()
NOW = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)  # the use cases take the clock as an argument
SHANGHAI = ZoneInfo("Asia/Shanghai")
BUFFET = {"menu": "western-buffet", "headcount": 80}


def at(day: int, hour: int) -> datetime:
    return datetime(2027, 3, day, hour, tzinfo=SHANGHAI)


START, END = at(2, 14), at(2, 18)


def new_booking(
    space: str = "room-a",
    start: datetime = START,
    end: datetime = END,
    *,
    interpreting: bool = False,
    catering: bool = False,
    key: str | None = None,
    title: str = "Forum",
    layout: str = "theater",
    attendees: int = 80,
) -> NewBooking:
    request = BookingRequest(
        space_id=space,
        layout=layout,
        starts_at=start,
        ends_at=end,
        attendees=attendees,
        time_zone="Europe/Berlin",
        floor_language="en" if interpreting else None,
        target_languages=("zh",) if interpreting else (),
        catering_headcount=BUFFET["headcount"] if catering else None,
        catering_menu=BUFFET["menu"] if catering else None,
    )
    return NewBooking(
        request=request,
        title=title,
        organizer=Organizer(name="Ann", email="ann@example.org"),
        organizer_id=uuid.uuid4(),
        actor="organizer:ann",
        interpreting={"floor_language": "en", "target_languages": ["zh"]} if interpreting else None,
        catering=dict(BUFFET) if catering else None,
        idempotency_key=key,
        canonical_body=msgspec.json.encode([space, str(start), str(end), title]),
    )


def step_deadline(settings: SagaSettings, step: str) -> datetime:
    return NOW + (settings.approval_timeout if step == "approval" else settings.step_timeout)
