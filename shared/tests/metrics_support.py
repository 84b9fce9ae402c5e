"""A service's metrics bound for one test, and the Prometheus text read back as samples."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client.parser import text_string_to_metric_families

from shared import metrics
from shared.telemetry import service_resource

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def samples(text: bytes) -> Samples:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text.decode())
        for sample in family.samples
    }


@contextmanager
def bound_metrics(service: str) -> Iterator[metrics.ServiceMetrics]:
    """``service``'s ServiceMetrics, bound for the block; the meter bound before is restored after."""
    before = metrics._meter
    built = metrics.ServiceMetrics(service_resource(service))
    built.bind()
    try:
        yield built
    finally:
        metrics._meter = before
        built.shutdown()
