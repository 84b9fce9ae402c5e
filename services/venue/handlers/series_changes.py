"""Use cases of changing or cancelling part of a series: one occurrence, this and the following ones,
or all of them still to come. Each occurrence is its own booking: it is cancelled (fee by the
cancellation tiers, per occurrence) or changed (its own change saga) as if asked for alone, one
after the other; asking again finishes what an interrupted request left (cancelling is idempotent).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Principal
from services.venue.domain.booking import Violation
from services.venue.domain.cancellation import Tier
from services.venue.domain.catalog import Catalog
from services.venue.domain.series import shifted, wall_difference
from services.venue.domain.settings import SagaSettings
from services.venue.handlers.cancellation import (
    Cancellation,
    FeePreview,
    PriceOf,
    cancel_booking,
    preview_cancellation,
)
from services.venue.handlers.changes import ChangeAccepted, request_change
from services.venue.handlers.errors import Invalid, InvalidBooking, NotCancellable, NotChangeable, SlotTaken
from services.venue.handlers.series import series_of

SCOPES = ("one", "this_and_following", "all")
LIVE = ("option", "pending", "confirmed")


@dataclass(frozen=True)
class SeriesScope:
    scope: str
    booking_id: uuid.UUID | None  # the occurrence named (required for one and this_and_following)


@dataclass(frozen=True)
class Done:
    """What became of one occurrence's booking: its cancellation or change, or why not."""

    booking_id: uuid.UUID
    starts_at: datetime
    cancellation: Cancellation | None = None
    change: ChangeAccepted | None = None
    reason: str | None = None
    preview: FeePreview | None = None  # a dry run: the fee cancelling it now would charge


def targets(occurrences: list[Any], wanted: SeriesScope, now: datetime) -> list[Any]:
    """The booked occurrences the scope names, in order; Invalid when the booking is not one of them."""
    booked = [row for row in occurrences if row["booking_id"] is not None]
    if wanted.booking_id is None:
        if wanted.scope != "all":
            raise Invalid([Violation("booking_id", f"name the occurrence {wanted.scope} starts from")])
        return [row for row in booked if row["booked_starts_at"] > now]
    anchor = next((row for row in booked if row["booking_id"] == wanted.booking_id), None)
    if anchor is None:
        raise Invalid([Violation("booking_id", "is no booking of this series")])
    if wanted.scope == "one":
        return [anchor]
    if wanted.scope == "this_and_following":
        return [row for row in booked if row["position"] >= anchor["position"]]
    return [row for row in booked if row["booked_starts_at"] > now or row is anchor]


async def cancel_in_series(
    database: VenueDatabase,
    principal: Principal,
    series_id: uuid.UUID,
    wanted: SeriesScope,
    reason: str,
    now: datetime,
    catalog: Catalog,
    settings: SagaSettings,
    tiers: tuple[Tier, ...],
    price_of: PriceOf,
) -> list[Done]:
    """Cancel each occurrence the scope names that still holds something; each fee by the tiers."""
    _, occurrences = await series_of(database, principal, series_id)
    done = []
    for row in targets(occurrences, wanted, now):
        try:
            cancelled = await cancel_booking(
                database, row["booking_id"], principal.actor, reason, now, catalog, settings, tiers, price_of
            )
        except NotCancellable as refused:
            done.append(Done(row["booking_id"], row["booked_starts_at"], reason=str(refused)))
        else:
            done.append(Done(row["booking_id"], row["booked_starts_at"], cancellation=cancelled))
    return done


async def preview_cancel_in_series(
    database: VenueDatabase,
    principal: Principal,
    series_id: uuid.UUID,
    wanted: SeriesScope,
    now: datetime,
    tiers: tuple[Tier, ...],
    price_of: PriceOf,
) -> list[Done]:
    """What ``cancel_in_series`` would do now, reading only: each occurrence of the scope with the fee
    cancelling it would charge (by the same rule), its recorded cancellation, or why it cannot be."""
    _, occurrences = await series_of(database, principal, series_id)
    done = []
    for row in targets(occurrences, wanted, now):
        try:
            seen = await preview_cancellation(database, row["booking_id"], now, tiers, price_of)
        except NotCancellable as refused:
            done.append(Done(row["booking_id"], row["booked_starts_at"], reason=str(refused)))
        else:
            kept = seen if isinstance(seen, Cancellation) else None
            fee = seen if isinstance(seen, FeePreview) else None
            done.append(Done(row["booking_id"], row["booked_starts_at"], cancellation=kept, preview=fee))
    return done


async def change_in_series(
    database: VenueDatabase,
    principal: Principal,
    series_id: uuid.UUID,
    wanted: SeriesScope,
    plan: dict[str, Any],
    now: datetime,
    catalog: Catalog,
    settings: SagaSettings,
) -> list[Done]:
    """Change each occurrence the scope names that is still live. New times (``starts_at``/``ends_at``)
    are the named occurrence's (or the first's); the others move by as much on the venue's wall clock."""
    _, occurrences = await series_of(database, principal, series_id)
    chosen = [row for row in targets(occurrences, wanted, now) if row["status"] in LIVE]
    if not chosen:
        return []
    anchor = next((row for row in chosen if row["booking_id"] == wanted.booking_id), chosen[0])
    zone = catalog.venue.zone
    moves: dict[str, timedelta] = {
        name: wall_difference(anchor[f"booked_{name}"], plan[name], zone)
        for name in ("starts_at", "ends_at")
        if name in plan
    }
    done = []
    for row in chosen:
        moved: dict[str, datetime] = {
            name: shifted(row[f"booked_{name}"], by, zone) for name, by in moves.items()
        }
        its_plan: dict[str, Any] = {**plan, **moved}
        try:
            accepted = await request_change(
                database, row["booking_id"], principal.actor, its_plan, catalog, settings, now
            )
        except (InvalidBooking, SlotTaken, NotChangeable) as refused:
            done.append(Done(row["booking_id"], row["booked_starts_at"], reason=str(refused)))
        else:
            done.append(Done(row["booking_id"], row["booked_starts_at"], change=accepted))
    return done
