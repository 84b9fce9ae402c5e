"""The one broker factory: faststream's NATS broker with tracing, and a JetStream check at start."""

from __future__ import annotations

import logging
from typing import Any

from faststream.nats import NatsBroker, NatsUserPassword
from faststream.nats.opentelemetry import NatsTelemetryMiddleware
from nats.js.errors import NotFoundError
from opentelemetry.metrics import MeterProvider
from opentelemetry.sdk.trace import TracerProvider

from shared.config import ServiceConfig, nats_servers
from shared.messaging.streams import consumers_of


def login_options(config: ServiceConfig) -> dict[str, Any]:
    """``nats.connect`` keywords for WICT_NATS_USER / WICT_NATS_PASSWORD (none when no user is set)."""
    return {"user": config.nats_user, "password": config.nats_password} if config.nats_user else {}


def create_broker(
    config: ServiceConfig,
    tracer_provider: TracerProvider,
    service: str,
    meter_provider: MeterProvider | None = None,
) -> NatsBroker:
    """The service's broker; its telemetry records spans on ``tracer_provider`` and messaging metrics on
    ``meter_provider`` (the service's own: ``GET /metrics``)."""
    return NatsBroker(
        nats_servers(config.nats_url),
        security=NatsUserPassword(config.nats_user, config.nats_password) if config.nats_user else None,
        name=f"{service}-{config.instance_id}",
        middlewares=[
            NatsTelemetryMiddleware(
                tracer_provider=tracer_provider,
                meter_provider=meter_provider,
                include_messages_counters=False,
            )
        ],
        graceful_timeout=config.shutdown_grace_seconds,
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        connect_timeout=5,
        logger=logging.getLogger(f"{service}.broker"),
        log_level=logging.DEBUG,
    )


class TopologyMissing(RuntimeError):
    """The JetStream streams and consumers were not provisioned before the service started."""


async def check_topology(broker: NatsBroker, service: str) -> None:
    """Refuse to start on a server without our consumers, instead of silently creating defaults."""
    jetstream = broker.config.connection_state.stream  # type: ignore[attr-defined]
    for consumer in consumers_of(service):
        try:
            await jetstream.consumer_info(consumer.stream, consumer.durable)
        except NotFoundError as error:
            raise TopologyMissing(
                f"consumer {consumer.durable} on stream {consumer.stream} is missing: "
                "run `python -m deploy.embedded provision` (the embedded stack) or "
                "`python -m deploy.provision` (a deployment's provisioning job) first"
            ) from error
