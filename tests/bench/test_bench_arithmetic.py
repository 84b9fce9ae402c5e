"""The bench's own arithmetic and bookkeeping, without a stack: percentiles, medians of runs, where
bookings go in the calendar, how far growth may go, and the profile's summary."""

from __future__ import annotations

import math

import pytest

from deploy.bench.calendar import CALENDAR_DAYS, FIRST_DAY, Calendar, CalendarFull, template_requests
from deploy.bench.calendar_phases import growth_ratios, worst_growth
from deploy.bench.figures import finite_numbers, median_of_runs, percentile
from deploy.bench.profile import package_of, summarise
from deploy.bench.report import goals
from deploy.bench.seed import growth_days

pytestmark = pytest.mark.unit


def test_percentiles_are_nearest_rank_and_nan_for_nothing():
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.99), percentile(values, 1.0)) == (50, 99, 100)
    assert math.isnan(percentile([], 0.5))


def test_medians_of_runs_are_taken_place_by_place_and_counts_stay_integers():
    runs = [
        {"n": 1, "ms": {"p50": 2.0}, "who": "a"},
        {"n": 3, "ms": {"p50": math.nan}},
        {"n": 2, "ms": {"p50": 4.0}},
    ]
    assert median_of_runs(runs) == {"n": 2, "ms": {"p50": 3.0}, "who": "a"}


def test_the_calendar_hands_out_distinct_slots_and_stops_before_the_availability_month():
    calendar = Calendar()
    first = [calendar.next_request() for _ in range(45)]
    slots = {(body["space_id"], body["starts_at"]) for body in first}
    assert len(slots) == 45
    assert all(body["interpreting"] and body["catering"] for body in first)
    calendar.taken = 15 * (CALENDAR_DAYS.start - FIRST_DAY)
    with pytest.raises(CalendarFull):
        calendar.next_request()


def test_templates_cover_every_space_and_slot_once():
    requests = template_requests()
    assert len({(body["space_id"], body["starts_at"]) for body in requests}) == len(requests) == 17


def test_growth_fills_the_free_future_days_first_then_goes_back_in_time():
    assert growth_days(range(392, 395), 10, 45) == [392, 393, 394, -1, -2]
    assert growth_days(range(392, 395), 10, 20) == [392, 393]


def test_growth_is_judged_by_its_worst_figure_rates_inverted():
    empty = {"throughput": {"bookings_per_s": 20.0}, "availability": {"latency_ms": {"p50": 10.0}}}
    grown = {"throughput": {"bookings_per_s": 10.0}, "availability": {"latency_ms": {"p50": 11.0}}}
    ratios = growth_ratios(grown, empty)
    assert ratios == {"throughput_bookings_per_s": 0.5, "availability_p50": 1.1}
    assert worst_growth(ratios) == 2.0


def test_goals_say_met_not_met_or_not_measured():
    rows = {row["measure"]: row["met"] for row in goals({"throughput": {"bookings_per_s": 250.0}})}
    assert rows["confirmed bookings/s (throughput)"] is True
    assert rows["GET /availability p50 ms"] is None


def test_the_profile_summary_shares_busy_samples_by_package_and_function():
    raw = "\n".join(
        [
            "run (/usr/lib/python3.11/asyncio/runners.py:1);write (/usr/lib/python3.11/asyncio/selector_events.py:9) 6",
            "run (/usr/lib/python3.11/asyncio/runners.py:1);on_end (/x/site-packages/opentelemetry/sdk/trace/__init__.py:5) 3",
            "handle (/repo/services/venue/handlers.py:3) 1",
        ]
    )
    summary = summarise(raw)
    assert summary["samples"] == 10
    assert summary["self_by_package"] == {
        "asyncio/selector_events": 0.6,
        "opentelemetry": 0.3,
        "services/venue": 0.1,
    }
    assert summary["inclusive"]["opentelemetry"] == 0.3
    assert package_of("f (/repo/shared/messaging/relay.py:7)") == "shared/messaging"


def test_finite_numbers_names_each_number_by_its_path():
    assert finite_numbers({"a": {"b": 1, "c": "x", "d": True}, "e": 2.5}) == [("a.b", 1.0), ("e", 2.5)]
