"""The venue's own instruments: bookings by outcome and saga step durations, as Prometheus text."""

import pytest

from services.venue.handlers.saga_metrics import count_booking, record_step
from shared.tests.metrics_support import bound_metrics, samples

pytestmark = pytest.mark.unit


async def test_bookings_and_step_durations_show_in_the_prometheus_text():
    with bound_metrics("venue") as bound:
        count_booking("confirmed")
        count_booking("confirmed")
        count_booking("rejected")
        record_step("catering", "reserved", 0.03)
        found = samples(await bound.render())
    assert found[("wict_bookings_total", (("outcome", "confirmed"),))] == 2
    assert found[("wict_bookings_total", (("outcome", "rejected"),))] == 1
    step = (("outcome", "reserved"), ("step", "catering"))
    assert found[("wict_saga_step_duration_seconds_count", step)] == 1
    assert found[("wict_saga_step_duration_seconds_bucket", (("le", "0.05"), *step))] == 1
    assert found[("wict_saga_step_duration_seconds_bucket", (("le", "0.025"), *step))] == 0
