"""notify's own instrument: deliveries by channel and outcome, as Prometheus text."""

import pytest

from services.notify.handlers.delivery_metrics import count_delivery
from shared.tests.metrics_support import bound_metrics, samples

pytestmark = pytest.mark.unit


async def test_deliveries_show_in_the_prometheus_text_and_nothing_is_no_series():
    with bound_metrics("notify") as bound:
        count_delivery("email", "sent", 2)
        count_delivery("sms", "failed", 0)  # nothing happened: no series
        found = samples(await bound.render())
    assert found[("wict_notifications_deliveries_total", (("channel", "email"), ("outcome", "sent")))] == 2
    assert ("wict_notifications_deliveries_total", (("channel", "sms"), ("outcome", "failed"))) not in found
