"""The one place that wires the notify service: templates, SMTP, the consumer, the dispatcher, the feed."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from litestar.openapi import OpenAPIConfig

from services.notify.adapters.mailer import SmtpMailer
from services.notify.domain.retry import RetryPolicy
from services.notify.domain.templates import load_templates
from services.notify.entrypoints.dispatcher import run_dispatcher
from services.notify.entrypoints.http import NotificationsController
from services.notify.entrypoints.messages import routes
from services.notify.handlers import Notifier
from shared.config import ServiceConfig
from shared.service import Context, ServiceSpec


class NotifyConfig(ServiceConfig, frozen=True, kw_only=True):
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "WICT Venue <bookings@wict.example>"
    dispatch_interval_seconds: float = 0.2
    dispatch_batch_size: int = 32
    max_attempts: int = 8
    retry_base_seconds: float = 2.0
    retry_max_seconds: float = 900.0
    venue_time_zone: str = "Asia/Shanghai"


def mailer_from(config: NotifyConfig) -> SmtpMailer:
    return SmtpMailer(config.smtp_host, config.smtp_port, config.mail_from, config.smtp_timeout_seconds)


def retry_policy_from(config: NotifyConfig) -> RetryPolicy:
    return RetryPolicy(config.max_attempts, config.retry_base_seconds, config.retry_max_seconds)


async def _on_start(context: Context) -> None:
    config: NotifyConfig = context.config
    context.state["notifier"] = Notifier(load_templates(), ZoneInfo(config.venue_time_zone))


def _loops(context: Context) -> list:
    config: NotifyConfig = context.config

    async def dispatch_email() -> None:
        await run_dispatcher(
            context.database, mailer_from(config), retry_policy_from(config), context.tracer,
            config.dispatch_interval_seconds, config.dispatch_batch_size,
        )  # fmt: skip

    return [dispatch_email]


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="notify",
        migrations=Path(__file__).parent / "migrations",
        config_type=NotifyConfig,
        on_start=_on_start,
        consumers=lambda context: routes(context.state["notifier"]),
        loops=_loops,
        controllers=[NotificationsController],
        openapi=OpenAPIConfig(
            title="WICT notifications API",
            version="0.1.0",
            description="The in-app feed of booking notifications, with each channel's delivery state.",
            path="/schema",
            use_handler_docstrings=True,
        ),
    )
