"""Check-in at the door: the guest's pass, and what a scan means. Pure.

The first scan of a pass checks the guest in; any later scan is refused with when, where and by whom the
guest came in, so a door sees at once a pass that is shared or scanned twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from services.venue.domain.codes import grouped, new_code, read_code

PASS_LENGTH = 12  # 11 random characters (55 bits) and the check character
PASS_PREFIX = "WICT1:"  # what the QR code holds: the prefix and the code, no name, no URL
OPENS_BEFORE = timedelta(hours=2)


@dataclass(frozen=True)
class CheckIn:
    at: datetime
    space: str
    by: str


@dataclass(frozen=True)
class FirstScan:
    check_in: CheckIn


@dataclass(frozen=True)
class SecondScan:
    earlier: CheckIn


@dataclass(frozen=True)
class NotNow:
    reason: str


Scan = FirstScan | SecondScan | NotNow


def new_pass_code() -> str:
    return new_code(PASS_LENGTH - 1)


def qr_payload(code: str) -> str:
    return PASS_PREFIX + code


def printed_pass(code: str) -> str:
    return grouped(code, 4)


def read_pass(scanned: str) -> str | None:
    """The pass code from what the camera read (``WICT1:<code>``) or staff typed (the code, any grouping)."""
    text = scanned.strip()
    if text.upper().startswith(PASS_PREFIX):
        text = text[len(PASS_PREFIX) :]
    return read_code(text, PASS_LENGTH)


def scan(
    earlier: CheckIn | None, starts_at: datetime, ends_at: datetime, space: str, by: str, now: datetime
) -> Scan:
    """A scan at ``space`` by ``by``: the first checks in, a second answers the first; only on the event's day."""
    if earlier is not None:
        return SecondScan(earlier)
    if now < starts_at - OPENS_BEFORE:
        return NotNow(f"check-in opens at {(starts_at - OPENS_BEFORE).isoformat()}")
    if now >= ends_at:
        return NotNow("the event is over")
    return FirstScan(CheckIn(now, space, by))
