"""The service metrics: instruments rendered as Prometheus text, gauges from the last refresh, records
that wait for their transaction to commit."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from shared import metrics
from shared.db.unit_of_work import after_commit
from shared.telemetry import service_resource

pytestmark = pytest.mark.unit


def samples(text: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text.decode())
        for sample in family.samples
    }


@pytest.fixture
def service_metrics(monkeypatch):
    monkeypatch.setattr(metrics, "_instruments", metrics._instruments)  # restored after the test
    built = metrics.ServiceMetrics(service_resource("venue"))
    built.bind()
    yield built
    built.shutdown()


async def test_the_instruments_show_in_the_prometheus_text(service_metrics):
    metrics.count_booking("confirmed")
    metrics.count_booking("confirmed")
    metrics.count_booking("rejected")
    metrics.record_step("catering", "reserved", 0.03)
    metrics.count_delivery("email", "sent", 2)
    metrics.count_delivery("sms", "failed", 0)  # nothing happened: no series
    service_metrics.backlog.pending = {"venue-catering-events": 3}
    service_metrics.backlog.outbox = 0
    found = samples(await service_metrics.render())
    assert found[("wict_bookings_total", (("outcome", "confirmed"),))] == 2
    assert found[("wict_bookings_total", (("outcome", "rejected"),))] == 1
    step = (("outcome", "reserved"), ("step", "catering"))
    assert found[("wict_saga_step_duration_seconds_count", step)] == 1
    assert found[("wict_saga_step_duration_seconds_bucket", (("le", "0.05"), *step))] == 1
    assert found[("wict_saga_step_duration_seconds_bucket", (("le", "0.025"), *step))] == 0
    assert found[("wict_notifications_deliveries_total", (("channel", "email"), ("outcome", "sent")))] == 2
    assert ("wict_notifications_deliveries_total", (("channel", "sms"), ("outcome", "failed"))) not in found
    assert found[("wict_consumer_pending", (("durable", "venue-catering-events"),))] == 3
    assert found[("wict_outbox_backlog", ())] == 0
    assert any(name == "target_info" and ("service_name", "venue") in labels for name, labels in found)


async def test_a_gauge_that_could_not_be_read_is_left_out_not_reported_stale(service_metrics):
    service_metrics.backlog.outbox = None
    found = samples(await service_metrics.render())
    assert not any(name == "wict_outbox_backlog" for name, _ in found)


def test_outside_a_transaction_a_record_is_made_at_once():
    made = []
    after_commit(lambda: made.append(1))
    assert made == [1]
