"""Configuration from environment variables: one loader for every service.

Each setting is a field of a ``msgspec.Struct``; its environment variable is the field name in upper
case with the ``WICT_`` prefix (``http_port`` -> ``WICT_HTTP_PORT``). The field default is the documented
default. Values are converted and validated by msgspec, so a bad value stops start-up with a message
naming the variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeVar

import msgspec

PREFIX = "WICT_"

ConfigT = TypeVar("ConfigT", bound=msgspec.Struct)


class ConfigError(ValueError):
    """A configuration variable is missing or has a value of the wrong kind."""


def env_name(field: str) -> str:
    return f"{PREFIX}{field.upper()}"


def load(config_type: type[ConfigT], environ: Mapping[str, str] | None = None) -> ConfigT:
    """Build ``config_type`` from ``environ`` (default ``os.environ``), applying field defaults."""
    environ = os.environ if environ is None else environ
    given = {
        field: environ[env_name(field)]
        for field in config_type.__struct_fields__
        if env_name(field) in environ
    }
    try:
        return msgspec.convert(given, config_type, strict=False)
    except msgspec.ValidationError as error:
        raise ConfigError(_name_variable(str(error))) from error


def _name_variable(message: str) -> str:
    # msgspec says "... - at `$.http_port`"; operators know the variable, not the field
    if "`$." in message:
        head, _, tail = message.partition("`$.")
        field = tail.rstrip("`")
        return f"{head}{env_name(field)}"
    return message


def nats_servers(url: str) -> list[str]:
    """WICT_NATS_URL may list every node of a cluster, comma-separated; clients fail over between them."""
    return [server.strip() for server in url.split(",") if server.strip()]


class ServiceConfig(msgspec.Struct, frozen=True, kw_only=True):
    """Settings every service reads. See README "Configuration" for the table."""

    database_url: str = "postgresql://postgres@127.0.0.1:54329/postgres"
    nats_url: str = "nats://127.0.0.1:4222"
    nats_user: str = ""  # empty: connect without credentials (a server without authorization)
    nats_password: str = ""
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    log_level: str = "INFO"
    access_log: bool = True  # one line per request: method, route template, status, duration, trace id
    span_dir: str = ""
    trace_sample_ratio: float = 1.0
    db_pool_size: int = 16
    consumer_concurrency: int = 32
    shutdown_grace_seconds: float = 10.0
    # retention (shared/retention.py): how often the sweeps run; how long a handled message id stays in the
    # inbox (longer than the streams keep a message, so a redelivery is still caught); span files' age
    retention_sweep_seconds: float = 3600.0
    inbox_retention_days: float = 30.0
    span_retention_days: float = 7.0
    instance_id: str = msgspec.field(default_factory=lambda: f"{os.uname().nodename}-{os.getpid()}")
