"""The venue's rate card, read from ``rates.json``: integer minor units (fen) in one currency."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import msgspec

RATES_PATH = Path(__file__).resolve().parent.parent / "rates.json"


class SpaceRate(msgspec.Struct, frozen=True):
    half_day: int
    full_day: int


class InterpretingRate(msgspec.Struct, frozen=True):
    per_booth_day: int
    per_interpreter_day: int


class RateCard(msgspec.Struct, frozen=True, kw_only=True):
    currency: str
    minor_units_per_unit: int
    quote_valid_days: int
    half_day_max_minutes: int
    estimate_note: str
    spaces: dict[str, SpaceRate]
    interpreting: InterpretingRate
    catering_per_head: dict[str, int]
    network_line_per_day: int

    @property
    def half_day_max(self) -> timedelta:
        return timedelta(minutes=self.half_day_max_minutes)

    @property
    def valid_for(self) -> timedelta:
        return timedelta(days=self.quote_valid_days)


def load_rate_card(path: Path = RATES_PATH) -> RateCard:
    return msgspec.json.decode(path.read_bytes(), type=RateCard)
