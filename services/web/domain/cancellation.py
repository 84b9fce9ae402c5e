"""What cancelling would cost now, shown before the person confirms. Pure.

The venue computes the fee when it cancels (its WICT_CANCELLATION_TIERS over the booking's price);
the web reads the same variable (the deployment sets both) and the booking's quote, so the preview
matches; the page says the venue's answer is the one that counts, and shows it after cancelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, order=True)
class Tier:
    days_before: int
    fee_percent: int


def parse_tiers(text: str) -> tuple[Tier, ...]:
    """``"14:0,3:50,0:100"`` -> tiers, most notice first; ValueError naming the bad part."""
    tiers = []
    for part in filter(None, (item.strip() for item in text.split(","))):
        days, _, percent = part.partition(":")
        if not (days.isdigit() and percent.isdigit() and int(percent) <= 100):
            raise ValueError(f"cancellation tier {part!r} is not <days before>:<fee percent 0-100>")
        tiers.append(Tier(int(days), int(percent)))
    return tuple(sorted(tiers, reverse=True))


def fee_percent(starts_at: datetime, now: datetime, tiers: tuple[Tier, ...]) -> int:
    notice = starts_at - now
    for tier in tiers:
        if notice >= timedelta(days=tier.days_before):
            return tier.fee_percent
    return 100


@dataclass(frozen=True)
class FeePreview:
    percent: int
    base_minor: int | None  # the quoted price; None when the booking has no quote
    fee_minor: int | None
    next_step_at: datetime | None  # when the fee rises next, if it does


def preview(
    starts_at: datetime, now: datetime, tiers: tuple[Tier, ...], base_minor: int | None
) -> FeePreview:
    percent = fee_percent(starts_at, now, tiers)
    rises = [starts_at - timedelta(days=t.days_before) for t in tiers if t.fee_percent > percent]
    upcoming = [moment for moment in rises if moment > now]
    fee = None if base_minor is None else (base_minor * percent + 50) // 100
    return FeePreview(percent, base_minor, fee, min(upcoming) if upcoming else None)
