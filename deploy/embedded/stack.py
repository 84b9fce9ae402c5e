"""The whole platform on one machine: PostgreSQL, NATS, the SMTP sink, the local SMS provider and the services.

Environment variables read by `StackConfig.from_env()` (defaults in brackets):
    WICT_DATA_DIR           [<repo>/.data]  databases, streams, mail, spans and logs
    WICT_PG_PORT            [54329]
    WICT_NATS_PORT          [4222]
    WICT_NATS_MONITOR_PORT  [8222]
    WICT_SMTP_PORT          [2525]
    WICT_TENCENT_SMS_PORT   [2526]  the local SMS provider (deploy/embedded/tencent_sms.py; WICT_SMS_PROVIDER)
    WICT_VENUE_PORT         [8000]
    WICT_INTERPRETING_PORT  [8001]
    WICT_CATERING_PORT      [8002]
    WICT_NOTIFY_PORT        [8003]
    WICT_WEB_PORT           [8004]  the web application (HTTP only: no NATS login)

NATS requires a login: each service gets its own user (WICT_NATS_USER / WICT_NATS_PASSWORD), tools and
tests connect as admin (`stack.nats.url`), vendors as themselves (`deploy.embedded.nats.vendor_login`).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from deploy.embedded.credentials import ensure_credentials
from deploy.embedded.nats import NatsServer
from deploy.embedded.nats_cluster import NatsCluster
from deploy.embedded.ports import free_port
from deploy.embedded.postgres import PostgresServer
from deploy.embedded.process import REPO_ROOT, ChildProcess, ServiceProcess
from deploy.embedded.smtp import SmtpSink
from deploy.embedded.streams import provision_streams as provision
from deploy.embedded.tencent_sms import TencentSmsServer, notify_sms_env

SERVICES = ("interpreting", "catering", "notify", "venue")  # venue last: it calls the others
PLATFORM = (*SERVICES, "web")  # make run: the services and the web application on their APIs
DATABASES = ("venue", "interpreting", "catering", "notify", "web")
BOOTSTRAP_EMAILS = {"staff": "staff@venue.test", "ops": "ops@venue.test"}  # they sign in by reset link
PORT_VARIABLES = {
    "pg_port": ("WICT_PG_PORT", 54329),
    "nats_port": ("WICT_NATS_PORT", 4222),
    "nats_monitor_port": ("WICT_NATS_MONITOR_PORT", 8222),
    "smtp_port": ("WICT_SMTP_PORT", 2525),
    "tencent_sms_port": ("WICT_TENCENT_SMS_PORT", 2526),
    "venue_port": ("WICT_VENUE_PORT", 8000),
    "interpreting_port": ("WICT_INTERPRETING_PORT", 8001),
    "catering_port": ("WICT_CATERING_PORT", 8002),
    "notify_port": ("WICT_NOTIFY_PORT", 8003),
    "web_port": ("WICT_WEB_PORT", 8004),
}

log = logging.getLogger("deploy.embedded")


@dataclasses.dataclass(frozen=True, kw_only=True)
class StackConfig:
    """Where the stack keeps its files and which loopback ports it uses."""

    data_dir: Path
    pg_port: int
    nats_port: int
    nats_monitor_port: int
    smtp_port: int
    tencent_sms_port: int
    venue_port: int
    interpreting_port: int
    catering_port: int
    notify_port: int
    web_port: int
    nats_nodes: int = 1  # 3: a JetStream cluster on loopback, streams replicated on every node (tests)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> StackConfig:
        """Read the WICT_* variables listed in the module docstring (from `os.environ` by default)."""
        environ = os.environ if environ is None else environ
        ports = {field: int(environ.get(name, default)) for field, (name, default) in PORT_VARIABLES.items()}
        return cls(data_dir=Path(environ.get("WICT_DATA_DIR", REPO_ROOT / ".data")).absolute(), **ports)

    @classmethod
    def ephemeral(cls, tmp_dir: Path, nats_nodes: int = 1) -> StackConfig:
        """Free ports for everything and `tmp_dir` for the files: for tests running side by side."""
        ports = {field: free_port() for field in PORT_VARIABLES}
        return cls(data_dir=tmp_dir.absolute(), nats_nodes=nats_nodes, **ports)

    def service_port(self, service: str) -> int:
        port: int = getattr(self, f"{service}_port")
        return port


class Stack:
    """Starts and stops the platform's processes.

    A failed start leaves what did start running: call stop() in a `finally`, or use the stack as a
    context manager, which stops everything on exit.
    """

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.postgres = PostgresServer(config.data_dir / "postgres", config.pg_port)
        self.nats: NatsServer | NatsCluster = (
            NatsCluster(config.data_dir / "nats", config.nats_nodes)
            if config.nats_nodes > 1
            else NatsServer(config.data_dir / "nats", config.nats_port, config.nats_monitor_port)
        )
        self.smtp = SmtpSink(config.data_dir / "smtp", config.smtp_port)
        self.sms = TencentSmsServer(config.data_dir / "tencent-sms", config.tencent_sms_port)
        self.spans_dir = config.data_dir / "spans"
        self.logs_dir = config.data_dir / "logs"
        self._services: dict[str, ServiceProcess] = {}

    def start(self) -> None:
        """Start the infrastructure, then every service and the web application."""
        self.start_infrastructure()
        self.start_services(PLATFORM)

    def start_infrastructure(self, provision_streams: bool = True) -> None:
        """Start PostgreSQL, NATS, the SMTP and SMS servers, create the databases and the streams."""
        self.sms.launch()  # gets ready while PostgreSQL starts
        _timed("postgres", self.postgres.start)
        _timed("nats", self.nats.start)
        _timed("smtp", self.smtp.start)
        _timed("tencent-sms", self.sms.wait_ready)
        self.postgres.ensure_databases(DATABASES)
        if provision_streams:
            _timed("streams", lambda: provision(self.nats, self.config.nats_nodes))

    def start_services(self, names: Iterable[str] = SERVICES, timeout: float = 60.0) -> None:
        """Start `python -m services.<name>` for each name, then wait until each one is ready."""
        self.spans_dir.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        for name in names:
            port = self.config.service_port(name)
            service = ServiceProcess(
                name, f"services.{name}", self.service_env(name), port, self.logs_dir / f"{name}.log"
            )
            self._services[name] = service
            service.start()
        for service in self._services.values():
            service.wait_ready(timeout)
            log.info("event=ready component=%s pid=%s url=%s", service.name, service.pid, service.base_url)
        log.info("event=services_ready seconds=%.2f", time.monotonic() - started)

    @property
    def credentials_path(self) -> Path:
        return self.config.data_dir / "credentials.json"

    @property
    def credentials(self) -> dict[str, str]:
        """The staff and ops API keys of this stack, made once and kept (owner-only) in the data folder."""
        return ensure_credentials(self.credentials_path)

    def service_env(self, name: str) -> dict[str, str]:
        """The environment of service `name`: ours plus where to find everything."""
        secrets = {
            "venue": {
                "WICT_BOOTSTRAP_STAFF_KEY": self.credentials["staff"],
                "WICT_BOOTSTRAP_OPS_KEY": self.credentials["ops"],
                # their password comes by a reset link to these addresses (the SMTP sink's maildir)
                "WICT_BOOTSTRAP_STAFF_EMAIL": BOOTSTRAP_EMAILS["staff"],
                "WICT_BOOTSTRAP_OPS_EMAIL": BOOTSTRAP_EMAILS["ops"],
                "WICT_JWT_SECRET": self.credentials["jwt"],
                "WICT_GUEST_DATA_KEY": self.credentials["guest_data_key"],
                **self._venue_ops_env(),
            },
            "catering": {"WICT_STAFF_API_KEYS": self.credentials["staff"]},
            "notify": {
                "WICT_STAFF_API_KEYS": self.credentials["staff"],
                "WICT_OPS_API_KEYS": self.credentials["ops"],
                "WICT_VENUE_URL": f"http://127.0.0.1:{self.config.venue_port}",
                **notify_sms_env(self.sms),
            },
            "web": {
                "WICT_CSRF_SECRET": self.credentials["web_csrf"],
                **{
                    f"WICT_{s.upper()}_URL": f"http://127.0.0.1:{self.config.service_port(s)}"
                    for s in SERVICES
                },
            },
        }.get(name, {})
        nats_login = self.nats.login(name) if name in SERVICES else None  # the web speaks HTTP only
        return {
            **os.environ,
            **secrets,
            "WICT_DATABASE_URL": self.postgres.dsn(name),
            **_nats_env(nats_login),
            "WICT_HTTP_HOST": "127.0.0.1",
            "WICT_HTTP_PORT": str(self.config.service_port(name)),
            "WICT_SPAN_DIR": str(self.spans_dir),
            "WICT_SMTP_HOST": "127.0.0.1",
            "WICT_SMTP_PORT": str(self.config.smtp_port),
            "WICT_LOG_LEVEL": os.environ.get("WICT_LOG_LEVEL", "INFO"),
            "OTEL_SERVICE_NAME": name,
        }

    def _venue_ops_env(self) -> dict[str, str]:
        """The venue's ops API: the others' URLs (readiness, notify's failures) and the ops NATS login."""
        ops = self.nats.login("ops")
        urls = {
            f"WICT_{name.upper()}_URL": f"http://127.0.0.1:{self.config.service_port(name)}"
            for name in ("interpreting", "catering", "notify")
        }
        return {**urls, "WICT_OPS_NATS_USER": ops.user, "WICT_OPS_NATS_PASSWORD": ops.password}

    def add_instance(self, name: str, timeout: float = 60.0) -> ServiceProcess:
        """Start one more instance of service ``name`` on a free port: the same database and NATS user,
        its own instance id; instances share the durable consumers, outbox and timers. It is
        ``service("<name>#<n>")`` afterwards (the first instance is ``service(name)``)."""
        index = 1 + sum(1 for key in self._services if key.partition("#")[0] == name)
        port = free_port()
        env = {**self.service_env(name), "WICT_HTTP_PORT": str(port), "WICT_INSTANCE_ID": f"{name}-{index}"}
        service = ServiceProcess(
            f"{name}#{index}", f"services.{name}", env, port, self.logs_dir / f"{name}-{index}.log"
        )
        self._services[service.name] = service
        service.start()
        service.wait_ready(timeout)
        return service

    def service(self, name: str) -> ServiceProcess:
        """The started service `name` (KeyError if it was not started)."""
        return self._services[name]

    def processes(self) -> dict[str, ChildProcess]:
        """Every process this stack manages, started or not, by name."""
        infrastructure = {"postgres": self.postgres.process, **self.nats.processes, "smtp": self.smtp.process}
        return {**infrastructure, "tencent-sms": self.sms.process, **self._services}

    def exited(self) -> list[ChildProcess]:
        """The processes that were started and are no longer running."""
        return [p for p in self.processes().values() if p.returncode is not None]

    def urls(self) -> dict[str, str]:
        """Where everything is, by label, for people to read."""
        found: dict[str, str] = {}
        if "web" in self._services:
            found |= {"web application": self._services["web"].base_url}
        if "venue" in self._services:
            venue = self._services["venue"].base_url
            found |= {"venue API": venue, "venue OpenAPI": f"{venue}/schema"}
        found |= {f"{name} health": service.health_url for name, service in self._services.items()}
        found |= {"NATS": self.nats.display_url, "NATS monitor": self.nats.monitor_url}
        found |= {f"PostgreSQL {db}": self.postgres.dsn(db) for db in DATABASES}
        found |= {"SMTP sink": self.smtp.url, "maildir": str(self.smtp.maildir), "SMS": self.sms.endpoint}
        found |= {"spans": str(self.spans_dir), "service logs": str(self.logs_dir)}
        found |= {"data (and server logs)": str(self.config.data_dir)}
        found |= {"staff and ops API keys, access-token secret, guest-data key": str(self.credentials_path)}
        found |= {"NATS users and passwords (admin, services, vendors)": str(self.nats.users_path)}
        return found

    def stop(self, discard: bool = False) -> None:
        """Stop the services (newest first, each drains), then the SMS and SMTP servers, NATS and PostgreSQL.

        ``discard``: the data folder is deleted next (a test's stack), so PostgreSQL takes its immediate
        shutdown (SIGQUIT) instead of writing a shutdown checkpoint nobody will read: seconds per stack,
        over a minute for a cluster holding the 200,000-row test databases."""
        infrastructure = [self.sms.process, self.smtp.process, *reversed(self.nats.processes.values())]
        for process in [*reversed(self._services.values()), *infrastructure]:
            if process.was_started:
                _stop_logged(process)
        if self.postgres.process.was_started:
            _stop_logged(self.postgres.process, signal.SIGQUIT if discard else None)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _nats_env(login: Any) -> dict[str, str]:
    if login is None:
        return {}
    return {"WICT_NATS_URL": login.url, "WICT_NATS_USER": login.user, "WICT_NATS_PASSWORD": login.password}


def _timed(component: str, start: Callable[[], Any]) -> None:
    started = time.monotonic()
    start()
    log.info("event=ready component=%s seconds=%.2f", component, time.monotonic() - started)


def _stop_logged(process: ChildProcess, stop_signal: int | None = None) -> None:
    started = time.monotonic()
    try:
        status = process.stop(stop_signal=stop_signal)
    except Exception:
        log.exception("event=stop_failed component=%s", process.name)
        return
    log.info(
        "event=stopped component=%s status=%s seconds=%.2f", process.name, status, time.monotonic() - started
    )
