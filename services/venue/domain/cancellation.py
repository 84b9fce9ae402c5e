"""The cancellation policy: a fee that grows as the event comes closer. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, order=True)
class Tier:
    """Cancelled at least ``days_before`` days before the start: ``fee_percent`` of the price is due."""

    days_before: int
    fee_percent: int


DEFAULT_TIERS = (Tier(14, 0), Tier(3, 50), Tier(0, 100))


def parse_tiers(text: str) -> tuple[Tier, ...]:
    """``"14:0,3:50,0:100"`` -> tiers; raises ValueError naming the bad part."""
    tiers = []
    for part in filter(None, (item.strip() for item in text.split(","))):
        days, _, percent = part.partition(":")
        if not (days.isdigit() and percent.isdigit() and int(percent) <= 100):
            raise ValueError(f"cancellation tier {part!r} is not <days before>:<fee percent 0-100>")
        tiers.append(Tier(int(days), int(percent)))
    if not any(tier.days_before == 0 for tier in tiers):
        raise ValueError("the cancellation tiers need one for 0 days before (the last moment)")
    return tuple(sorted(tiers, reverse=True))


def fee_percent(starts_at: datetime, cancelled_at: datetime, tiers: tuple[Tier, ...] = DEFAULT_TIERS) -> int:
    """The share due when cancelling at ``cancelled_at``; after the start the whole price is due."""
    notice = starts_at - cancelled_at
    for tier in sorted(tiers, reverse=True):
        if notice >= timedelta(days=tier.days_before):
            return tier.fee_percent
    return 100


def fee_minor(base_minor: int, percent: int) -> int:
    """The fee in minor units, rounded half up (never a fraction of a fen)."""
    return (base_minor * percent + 50) // 100


def fee_rises_at(
    starts_at: datetime, now: datetime, tiers: tuple[Tier, ...] = DEFAULT_TIERS
) -> datetime | None:
    """When the share due grows next (a tier's notice runs out just after that moment), or None."""
    percent = fee_percent(starts_at, now, tiers)
    boundaries = sorted({starts_at - timedelta(days=tier.days_before) for tier in tiers} | {starts_at})
    for moment in boundaries:
        if moment >= now and fee_percent(starts_at, moment + timedelta(microseconds=1), tiers) > percent:
            return moment
    return None
