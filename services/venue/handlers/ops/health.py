"""Use case of ops' health view: each service's readiness and the lag of its durable consumers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from services.venue.adapters.ops.nats import (
    ConsumerLag,
    OpsNatsUnavailable,
    consumer_lag,
    dead_letter_count,
    ops_jetstream,
)
from services.venue.adapters.ops.services import Readiness, readiness

OTHER_SERVICES = ("interpreting", "catering", "notify")


@dataclass(frozen=True)
class HealthReport:
    services: list[Readiness]
    lag: list[ConsumerLag] = field(default_factory=list)
    dead_letters: int | None = None
    nats_error: str = ""

    @property
    def healthy(self) -> bool:
        return all(s.ready for s in self.services) and not self.nats_error


def service_urls(config: Any) -> dict[str, str]:
    """WICT_INTERPRETING_URL, WICT_CATERING_URL, WICT_NOTIFY_URL of the venue's configuration."""
    return {name: getattr(config, f"{name}_url") for name in OTHER_SERVICES}


async def health_report(config: Any, own_checks: dict[str, Callable[[], Awaitable[bool]]]) -> HealthReport:
    """The venue's own checks (in process), the others' ``/health/ready``, and JetStream's view."""
    checks = {name: await check() for name, check in own_checks.items()}
    own = Readiness("venue", f"http://{config.http_host}:{config.http_port}", all(checks.values()), checks)
    services = [own, *await readiness(service_urls(config))]
    try:
        async with ops_jetstream(config) as js:
            return HealthReport(services, await consumer_lag(js), await dead_letter_count(js))
    except OpsNatsUnavailable as error:
        return HealthReport(services, nats_error=str(error))
