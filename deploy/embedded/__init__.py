"""The platform's real infrastructure (PostgreSQL, NATS, an SMTP sink) and services as child processes.

Used by `make run` (`python -m deploy.embedded run`) and by the test suites, each in its own folder
and on its own ports.
"""

from deploy.embedded.liveness import still_running
from deploy.embedded.nats import NatsServer
from deploy.embedded.ports import free_port, wait_for_port
from deploy.embedded.postgres import PostgresServer
from deploy.embedded.process import ChildProcess, ServiceProcess, StartupError
from deploy.embedded.smtp import SmtpSink
from deploy.embedded.stack import Stack, StackConfig

__all__ = [
    "ChildProcess",
    "NatsServer",
    "PostgresServer",
    "ServiceProcess",
    "SmtpSink",
    "Stack",
    "StackConfig",
    "StartupError",
    "free_port",
    "still_running",
    "wait_for_port",
]
