"""The service metrics: instruments rendered as Prometheus text, gauges from the last refresh, records
that wait for their transaction to commit."""

import pytest
from opentelemetry.metrics import Meter

from shared import metrics
from shared.db.unit_of_work import after_commit
from shared.tests.metrics_support import bound_metrics, samples

pytestmark = pytest.mark.unit


@pytest.fixture
def service_metrics():
    with bound_metrics("venue") as built:
        yield built


class Counting:
    def __init__(self, meter: Meter) -> None:
        self.things = meter.create_counter("wict.test.things")


async def test_a_services_instruments_and_the_gauges_show_in_the_prometheus_text(service_metrics):
    counting = metrics.Instruments(Counting)
    counting().things.add(2, {"kind": "a"})
    service_metrics.backlog.pending = {"venue-catering-events": 3}
    service_metrics.backlog.outbox = 0
    found = samples(await service_metrics.render())
    assert found[("wict_test_things_total", (("kind", "a"),))] == 2
    assert found[("wict_consumer_pending", (("durable", "venue-catering-events"),))] == 3
    assert found[("wict_outbox_backlog", ())] == 0
    assert any(name == "target_info" and ("service_name", "venue") in labels for name, labels in found)


async def test_instruments_made_before_a_meter_is_bound_are_built_again_on_it():
    counting = metrics.Instruments(Counting)
    counting().things.add(1)  # the no-op meter: recorded nowhere
    with bound_metrics("notify") as bound:
        counting().things.add(1)
        assert samples(await bound.render())[("wict_test_things_total", ())] == 1


async def test_a_gauge_that_could_not_be_read_is_left_out_not_reported_stale(service_metrics):
    service_metrics.backlog.outbox = None
    found = samples(await service_metrics.render())
    assert not any(name == "wict_outbox_backlog" for name, _ in found)


def test_outside_a_transaction_a_record_is_made_at_once():
    made = []
    after_commit(lambda: made.append(1))
    assert made == [1]
