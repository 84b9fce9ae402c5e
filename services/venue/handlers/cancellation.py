"""Use case of cancelling a booking or option: the fee follows the policy, the hall is freed at once,
the services are released, and the waitlist gets the slot."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain import saga as rules
from services.venue.domain.cancellation import Tier, fee_minor, fee_percent, fee_rises_at
from services.venue.domain.catalog import Catalog
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.change_saga import abandon_running_change
from services.venue.handlers.errors import NotCancellable
from services.venue.handlers.saga import advance
from services.venue.handlers.waitlist import promote_released
from shared.telemetry import trace_id_hex

PriceOf = Callable[[Any], Awaitable[int]]  # a booking row -> its price in minor units


@dataclass(frozen=True)
class Cancellation:
    booking_id: uuid.UUID
    cancelled_at: datetime
    fee_percent: int
    fee_minor: int
    fee_base_minor: int
    currency: str


@dataclass(frozen=True)
class FeePreview:
    """What cancelling at ``at`` would cost (a dry run: nothing is written)."""

    booking_id: uuid.UUID
    status: str
    fee_percent: int
    fee_minor: int
    fee_base_minor: int
    currency: str
    fee_rises_at: datetime | None


async def preview_cancellation(
    database: VenueDatabase, booking_id: uuid.UUID, now: datetime, tiers: tuple[Tier, ...], price_of: PriceOf
) -> FeePreview | Cancellation:
    """The fee cancelling now would charge, by the same rule as ``cancel_booking``; reads only.

    A cancelled booking answers its recorded cancellation; a rejected or expired one cannot be.
    """
    async with database.autocommit() as unit:
        row = await unit.bookings.get(booking_id)
    if row is None:
        raise NotCancellable("no such booking")
    if row["status"] == "cancelled":
        return _cancellation(row)
    if row["status"] in ("rejected", "expired"):
        raise NotCancellable(f"the booking is {row['status']}; nothing is held")
    base = await price_of(row)
    percent = fee_percent(row["starts_at"], now, tiers)
    rises = fee_rises_at(row["starts_at"], now, tiers)
    return FeePreview(
        booking_id, row["status"], percent, fee_minor(base, percent), base, row["currency"], rises
    )


async def cancel_booking(
    database: VenueDatabase,
    booking_id: uuid.UUID,
    actor: str,
    reason: str,
    now: datetime,
    catalog: Catalog,
    settings: SagaSettings,
    tiers: tuple[Tier, ...],
    price_of: PriceOf,
) -> Cancellation:
    """Cancel a pending or confirmed booking: fee by the policy, hall freed at once, services released.

    Cancelling again answers the first cancellation (nothing changes); a rejected booking cannot be.
    """
    async with database.transaction() as unit:
        locked = await unit.sagas.lock(booking_id)
        if locked is None:
            raise NotCancellable("no such booking")
        _, saga = locked
        row = await unit.bookings.get(booking_id)
        assert row is not None
        if saga.phase is rules.Phase.CANCELLED:
            return _cancellation(row)
        if saga.phase in (rules.Phase.REJECTED, rules.Phase.EXPIRED):
            raise NotCancellable(f"the booking is {saga.phase.value}; nothing is held")
        base = await price_of(row)
        percent = fee_percent(row["starts_at"], now, tiers)
        fee = fee_minor(base, percent)
        await unit.bookings.record_cancellation(booking_id, actor, percent, fee, base)
        transition = partial(rules.cancel, reason=reason or "cancelled by the organizer")
        await advance(unit, booking_id, transition, catalog, settings)
        await promote_released(unit, catalog, settings.option_days, datetime.now(UTC))
        await abandon_running_change(unit, booking_id, "the booking was cancelled", catalog)
        detail = {"reason": reason, "fee_percent": percent, "fee_minor": fee}
        await unit.audit.record(booking_id, actor, "cancelled", detail, trace_id_hex())
        row = await unit.bookings.get(booking_id)
        assert row is not None
        return _cancellation(row)


def _cancellation(row: Any) -> Cancellation:
    return Cancellation(
        booking_id=row["id"],
        cancelled_at=row["cancelled_at"],
        fee_percent=row["fee_percent"],
        fee_minor=row["fee_minor"],
        fee_base_minor=row["fee_base_minor"],
        currency=row["currency"],
    )
