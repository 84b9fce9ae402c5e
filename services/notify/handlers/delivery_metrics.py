"""What notify tells the metrics: ``wict.notifications.deliveries`` (counter; ``channel``, ``outcome``:
sent, retrying, failed, skipped), recorded when the transaction that decided the outcome commits."""

from __future__ import annotations

from opentelemetry.metrics import Counter, Meter

from shared.db.unit_of_work import after_commit
from shared.metrics import Instruments


def _deliveries(meter: Meter) -> Counter:
    return meter.create_counter(
        "wict.notifications.deliveries",
        unit="{delivery}",
        description="Notification deliveries by channel and outcome (each attempt of e-mail, SMS, webhooks)",
    )


deliveries = Instruments(_deliveries)


def count_delivery(channel: str, outcome: str, count: int = 1) -> None:
    """``count`` deliveries of ``channel`` ended an attempt with ``outcome`` (when the transaction commits)."""
    if count:
        after_commit(lambda: deliveries().add(count, {"channel": channel, "outcome": outcome}))
