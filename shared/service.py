"""What every service runs, wired one way: database + migrations, outbox relay, NATS consumers,
background loops and an HTTP app with health endpoints; drained in reverse on SIGTERM.

A service describes itself with a ``ServiceSpec``; ``run_service`` does the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import nats
import uvloop
from litestar import Litestar
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin
from opentelemetry import trace

from shared.config import ServiceConfig, load, nats_servers
from shared.contracts.base import Message
from shared.db import traced
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool
from shared.db.unit_of_work import Database
from shared.http.access_log import AccessLogMiddleware
from shared.http.health import HealthController
from shared.http.metrics import MetricsController
from shared.http.openapi_problems import document_problems
from shared.http.problem_types import ProblemTypesController
from shared.http.problems import EXCEPTION_HANDLERS
from shared.http.saga_tags import SagaTagsMiddleware
from shared.http.text_guard import refuse_nul
from shared.logs import setup_logging
from shared.messaging.broker import check_topology, create_broker, login_options
from shared.messaging.consumer import Handler, bind_consumer
from shared.messaging.relay import OutboxRelay
from shared.messaging.responders import Responder, serve
from shared.messaging.streams import Consumer, consumers_of
from shared.metrics import ServiceMetrics
from shared.retention import retention_loops
from shared.telemetry import instrument_http_clients, service_resource, setup_tracing

log = logging.getLogger(__name__)


Deps = TypeVar("Deps")


class Context(Generic[Deps]):
    """The live dependencies a service's handlers and loops use (built at start-up).

    ``deps`` is the service's own typed dependencies object, built once by its ``bootstrap.py``
    (``ServiceSpec.dependencies``); HTTP controllers receive it as the ``deps`` parameter.
    """

    def __init__(self, name: str, config: Any, database: Database, tracer: trace.Tracer) -> None:
        self.name = name
        self.config = config
        self.database = database
        self.tracer = tracer
        self._deps: Deps | None = None

    @property
    def deps(self) -> Deps:
        assert self._deps is not None, "the service's dependencies are built at start-up"
        return self._deps

    @deps.setter
    def deps(self, value: Deps) -> None:
        self._deps = value


Routes = Mapping[type[Message], Handler]


@dataclass
class ServiceSpec(Generic[Deps]):
    name: str
    migrations: Path
    config_type: type[ServiceConfig] = ServiceConfig
    consumers: Callable[[Context[Deps]], Mapping[Consumer, Routes]] = lambda _: {}
    loops: Callable[[Context[Deps]], Sequence[Callable[[], Coroutine[Any, Any, None]]]] = lambda _: ()
    # core NATS request/reply (no stream), answered on the relay's connection in a queue group
    responders: Callable[[Context[Deps]], Sequence[Responder]] = lambda _: ()
    controllers: Sequence[Any] = ()
    # builds the service's typed dependencies object once the database is up (its composition root)
    dependencies: Callable[[Context[Deps]], Awaitable[Deps]] | None = None
    openapi: OpenAPIConfig | None = None
    app_options: Callable[[Any], dict[str, Any]] = lambda _: {}
    # False: an HTTP-only service (the web application): no NATS, outbox relay, consumers or responders
    messaging: bool = True


class Runtime:
    """Start-up and shutdown of one service process, in order."""

    def __init__(self, spec: ServiceSpec, config: ServiceConfig) -> None:
        self.spec = spec
        self.config = config
        self.tracer_provider = setup_tracing(spec.name, config.span_dir, config.trace_sample_ratio)
        self.tracer = self.tracer_provider.get_tracer(f"wict.{spec.name}")
        traced.use_tracer(self.tracer_provider.get_tracer("wict.sql"))
        self.metrics = ServiceMetrics(service_resource(spec.name))
        self.metrics.bind()
        self.broker = create_broker(config, self.tracer_provider, spec.name, self.metrics.provider)
        self.draining = False
        self.context: Context | None = None
        self._tasks: list[asyncio.Task[None]] = []

    async def _ready(self) -> bool:
        return (
            self.context is not None
            and not self.draining
            and (not self.spec.messaging or self.broker.config.connection_state.connection.is_connected)
        )  # type: ignore[attr-defined]

    async def _database_ready(self) -> bool:
        if self.context is None:
            return False
        try:
            async with self.context.database.pool.acquire(timeout=2) as connection:
                return bool(await connection.fetchval("SELECT true"))
        except Exception:
            return False

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Litestar) -> AsyncIterator[None]:
        pool = await create_pool(self.config.database_url, self.config.db_pool_size)
        applied = await apply_migrations(pool, self.spec.name, self.spec.migrations)
        relay_connection = await nats.connect(
            nats_servers(self.config.nats_url),
            name=f"{self.spec.name}-relay",
            max_reconnect_attempts=-1,
            reconnect_time_wait=1,
            **login_options(self.config),
        )
        relay = OutboxRelay(pool, relay_connection.jetstream(), self.tracer)
        context: Context[Any] = Context(
            self.spec.name, self.config, Database(pool, relay.hand_over), self.tracer
        )
        if self.spec.dependencies:
            context.deps = await self.spec.dependencies(context)
        subscribers = [
            bind_consumer(consumer, routes, context.database, self.tracer, self.config.consumer_concurrency)
            for consumer, routes in self.spec.consumers(context).items()
        ]
        await self.broker.connect()
        await check_topology(self.broker, self.spec.name)
        self.metrics.watch(pool, relay_connection.jetstream(), consumers_of(self.spec.name))
        self._tasks = [
            asyncio.create_task(relay.run(), name="outbox-relay"),
            asyncio.create_task(self.metrics.run(), name="metrics-gauges"),
        ]
        self._tasks += [
            asyncio.create_task(loop(), name=getattr(loop, "__name__", "loop"))
            for loop in [*self.spec.loops(context), *retention_loops(self.config, pool, inbox=True)]
        ]
        await serve(relay_connection, self.spec.responders(context))
        await self.broker.start()
        for subscriber in subscribers:  # on the broker's connection: readiness watches it
            await subscriber.start(self.broker.config.connection_state.connection)  # type: ignore[attr-defined]
        self.context = context
        app.state.context = context  # for middleware and guards, which run before dependency injection
        log.info(
            "service started",
            extra={"fields": {"migrations_applied": applied, "port": self.config.http_port}},
        )
        try:
            yield
        finally:
            self.draining = True
            log.info("draining")
            grace = self.config.shutdown_grace_seconds  # for the handlers in flight
            await asyncio.gather(*(subscriber.stop(grace) for subscriber in subscribers))
            await self.broker.stop()
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await relay.stop()
            await relay_connection.drain()
            await pool.close()
            log.info("stopped", extra={"fields": {"published": relay.published}})

    @contextlib.asynccontextmanager
    async def http_only_lifespan(self, app: Litestar) -> AsyncIterator[None]:
        """``lifespan`` for a service without messaging: database, dependencies and loops only."""
        pool = await create_pool(self.config.database_url, self.config.db_pool_size)
        applied = await apply_migrations(pool, self.spec.name, self.spec.migrations)
        context: Context[Any] = Context(self.spec.name, self.config, Database(pool), self.tracer)
        if self.spec.dependencies:
            context.deps = await self.spec.dependencies(context)
        self._tasks = [
            asyncio.create_task(loop(), name=getattr(loop, "__name__", "loop"))
            for loop in [*self.spec.loops(context), *retention_loops(self.config, pool, inbox=False)]
        ]
        self.context = context
        app.state.context = context
        log.info("service started", extra={"fields": {"migrations_applied": applied}})
        try:
            yield
        finally:
            self.draining = True
            log.info("draining")
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await pool.close()
            log.info("stopped")

    def app(self) -> Litestar:
        spec = self.spec

        def readiness() -> dict[str, Any]:
            if not spec.messaging:
                return {"service": self._ready, "database": self._database_ready}
            return {"broker": self._ready, "database": self._database_ready}

        def context() -> Context:
            assert self.context is not None, "service not started"
            return self.context

        options = spec.app_options(self.config)
        return Litestar(
            route_handlers=[HealthController, MetricsController, ProblemTypesController, *spec.controllers],
            lifespan=[self.lifespan if spec.messaging else self.http_only_lifespan],
            dependencies={
                "service_name": Provide(lambda: spec.name, sync_to_thread=False),
                "readiness": Provide(readiness, sync_to_thread=False),
                "context": Provide(context, sync_to_thread=False),
                "deps": Provide(lambda: context().deps, sync_to_thread=False),
                "render_metrics": Provide(lambda: self.metrics.render, sync_to_thread=False),
            },
            middleware=[
                SagaTagsMiddleware(),
                *([AccessLogMiddleware] if self.config.access_log else []),
                *options.pop("middleware", []),
            ],
            exception_handlers=EXCEPTION_HANDLERS,
            before_request=refuse_nul,
            on_startup=[lambda app: document_problems(app.openapi_schema)],
            plugins=[
                OpenTelemetryPlugin(
                    OpenTelemetryConfig(
                        tracer_provider=self.tracer_provider,
                        meter_provider=self.metrics.provider,  # GET /metrics: http.server.* beside wict_*
                        exclude=["/health", "/metrics"],
                        # one server span per request: the ASGI send/receive spans (two or three per
                        # request) cost more than they tell, and would carry no saga tags
                        exclude_spans=["receive", "send"],
                    )
                )
            ],
            openapi_config=spec.openapi or OpenAPIConfig(title=f"WICT {spec.name}", version="0.1.0"),
            logging_config=None,
            debug=False,
            **options,
        )


async def _serve(runtime: Runtime) -> None:
    from granian.constants import Interfaces
    from granian.server.embed import Server

    server = Server(
        runtime.app(),
        address=runtime.config.http_host,
        port=runtime.config.http_port,
        interface=Interfaces.ASGI,
        log_enabled=False,
        backlog=1024,
    )
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, server.stop)
    await server.serve()


def run_service(spec: ServiceSpec) -> None:
    """Entry point of ``python -m services.<name>``: configure from the environment, serve until SIGTERM."""
    config = load(spec.config_type)
    setup_logging(spec.name, config.log_level)
    runtime = Runtime(spec, config)
    instrument_http_clients(runtime.tracer_provider)
    try:
        # uvloop: the services are round trips to PostgreSQL and NATS; its transports cost fewer
        # syscalls and less Python per send and receive than asyncio's selector loop
        uvloop.run(_serve(runtime))
    finally:
        runtime.tracer_provider.shutdown()
        runtime.metrics.shutdown()
