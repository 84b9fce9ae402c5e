"""The answers of the series routes, built from the use cases' results."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from services.venue.entrypoints.schemas.series import (
    OccurrenceCancelled,
    OccurrenceChanged,
    OccurrencePreview,
    Series,
    SeriesCancellation,
    SeriesChange,
    SeriesOccurrence,
    SeriesPreview,
)
from services.venue.handlers.series import Outcome
from services.venue.handlers.series_changes import Done


def preview_answer(rule: str, outcomes: Sequence[Outcome]) -> SeriesPreview:
    return SeriesPreview(
        rrule=rule,
        occurrences=[
            OccurrencePreview(
                starts_at=o.occurrence.starts_at,
                ends_at=o.occurrence.ends_at,
                free=o.free,
                reason=o.reason,
                conflict=o.conflict,
            )
            for o in outcomes
        ],
    )


def _occurrence(row: Any) -> SeriesOccurrence:
    booked = row["booking_id"] is not None
    return SeriesOccurrence(
        position=row["position"],
        starts_at=row["booked_starts_at"] if booked else row["starts_at"],
        ends_at=row["booked_ends_at"] if booked else row["ends_at"],
        booking_id=row["booking_id"],
        status=row["status"] if booked else "skipped",
        reason=row["reason"],
        conflict=row["conflict"],
        recurrence_id=row["starts_at"],
    )


def series_answer(series: Any, occurrences: Sequence[Any]) -> Series:
    return Series(
        series_id=series["id"],
        organizer_id=series["organizer_id"],
        title=series["title"],
        space_id=series["space_id"],
        rrule=series["rrule"],
        time_zone=series["time_zone"],
        mode=series["mode"],
        created_at=series["created_at"],
        calendar=f"/bookings/series/{series['id']}/calendar.ics",
        occurrences=[_occurrence(row) for row in occurrences],
    )


def _cancelled(d: Done) -> OccurrenceCancelled:
    if d.preview is not None:
        return OccurrenceCancelled(
            booking_id=d.booking_id,
            starts_at=d.starts_at,
            status="to_be_cancelled",
            fee_percent=d.preview.fee_percent,
            fee_minor=d.preview.fee_minor,
            fee_rises_at=d.preview.fee_rises_at,
        )
    return OccurrenceCancelled(
        booking_id=d.booking_id,
        starts_at=d.starts_at,
        status="cancelled" if d.cancellation else "not_cancelled",
        fee_percent=d.cancellation.fee_percent if d.cancellation else None,
        fee_minor=d.cancellation.fee_minor if d.cancellation else None,
        reason=d.reason,
    )


def cancellation_answer(
    series_id: uuid.UUID, done: Sequence[Done], dry_run: bool = False
) -> SeriesCancellation:
    """The occurrences' cancellations (a dry run: the previews, and those cancelled before)."""
    priced = [d.cancellation or d.preview for d in done if d.cancellation or d.preview]
    currencies = {p.currency for p in priced if p is not None}
    return SeriesCancellation(
        series_id=series_id,
        occurrences=[_cancelled(d) for d in done],
        fee_total_minor=sum(p.fee_minor for p in priced if p is not None),
        currency=currencies.pop() if len(currencies) == 1 else "CNY",
        dry_run=dry_run,
    )


def change_answer(series_id: uuid.UUID, done: Sequence[Done]) -> SeriesChange:
    return SeriesChange(
        series_id=series_id,
        occurrences=[
            OccurrenceChanged(
                booking_id=d.booking_id,
                starts_at=d.starts_at,
                revision=d.change.revision if d.change else None,
                state=d.change.state if d.change else None,
                reason=d.reason,
            )
            for d in done
        ],
    )
