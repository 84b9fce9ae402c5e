"""The one place that wires the notify service: recipients, templates, the consumers, one dispatcher per
channel (e-mail, SMS, webhooks), the reminder loop and the HTTP API."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from services.notify.adapters import recipients
from services.notify.adapters.mailer import SmtpMailer
from services.notify.adapters.sms import DevSmsProvider, SmsProvider, SmsSender
from services.notify.adapters.tencent_sms import TencentSms, TencentSmsSettings
from services.notify.adapters.venue_accounts import VenueAccounts
from services.notify.adapters.venue_people import VenuePeople
from services.notify.adapters.webhook_sender import WebhookSender
from services.notify.domain.guest_catalog import GUEST_LOCALES
from services.notify.domain.reminders import DEFAULT_LEADS, parse_leads
from services.notify.domain.retry import RetryPolicy
from services.notify.domain.templates import load_templates
from services.notify.entrypoints import timers
from services.notify.entrypoints.dependencies import Channel, NotifyDependencies
from services.notify.entrypoints.http.feed import NotificationsController
from services.notify.entrypoints.http.me import MeController
from services.notify.entrypoints.http.ops import OpsController
from services.notify.entrypoints.http.recipients import RecipientsController
from services.notify.entrypoints.http.signage import SignageController
from services.notify.entrypoints.http.staff import BroadcastsController
from services.notify.entrypoints.messages import routes
from services.notify.handlers.telling import Notifier
from services.notify.handlers.webhooks import disabled_notice
from shared.config import ServiceConfig, nats_servers
from shared.db.unit_of_work import Database
from shared.http.api_docs import openapi_config
from shared.messaging.broker import login_options
from shared.service import Context, ServiceSpec

log = logging.getLogger(__name__)


DEFAULT_SMS_TEMPLATES = json.dumps(
    {
        "urgent_notice": {locale: str(2400001 + i) for i, locale in enumerate(GUEST_LOCALES)},
        "notice": {locale: str(2400101 + i) for i, locale in enumerate(GUEST_LOCALES)},
    }
)


class NotifyConfig(ServiceConfig, frozen=True, kw_only=True):
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "WICT Venue <bookings@wict.example>"
    dispatch_interval_seconds: float = 1.0  # a new delivery wakes its dispatcher at once
    dispatch_batch_size: int = 32
    max_attempts: int = 8
    retry_base_seconds: float = 2.0
    retry_max_seconds: float = 900.0
    venue_time_zone: str = "Asia/Shanghai"
    recipients_file: str = ""  # default: services/notify/recipients.json
    reminder_leads: str = DEFAULT_LEADS
    reminder_interval_seconds: float = 1.0
    webhook_timeout_seconds: float = 10.0
    webhook_max_attempts: int = 8
    webhook_retry_base_seconds: float = 5.0
    webhook_retry_max_seconds: float = 3600.0
    webhook_disable_after_failures: int = 15
    webhook_require_https: bool = False
    # a delivered notification's e-mail HTML, SMS text, calendar file, webhook data and trace context are
    # cleared this long after it was made (the feed keeps its subject and body)
    payload_retention_days: float = 30.0
    staff_api_keys: str = ""  # the venue staff's API key(s), comma-separated (the deployment sets them)
    ops_api_keys: str = ""
    # SMS: "dev" keeps each message in a table (/ops/dev-sms); "tencent" sends through Tencent Cloud SMS
    # (docs/guests.md). The defaults below are the embedded stack's local checking server's account.
    sms_provider: str = "dev"
    tencent_sms_secret_id: str = ""
    tencent_sms_secret_key: str = ""
    tencent_sms_app_id: str = "1400000001"
    tencent_sms_sign: str = "WICT"
    tencent_sms_region: str = "ap-guangzhou"
    tencent_sms_endpoint: str = "https://sms.tencentcloudapi.com/"
    tencent_sms_templates: str = DEFAULT_SMS_TEMPLATES  # JSON: purpose -> locale -> approved template id
    tencent_sms_headline_limit: int = 20  # characters of the template's first parameter
    tencent_sms_link_base: str = "https://wict.example/n/"  # the template's second parameter: + notice id
    sms_receipts_interval_seconds: float = 30.0
    venue_url: str = (
        "http://127.0.0.1:8000"  # where people's venue keys and access tokens are checked (GET /me)
    )


def mailer_from(config: NotifyConfig) -> SmtpMailer:
    return SmtpMailer(config.smtp_host, config.smtp_port, config.mail_from, config.smtp_timeout_seconds)


def retry_policy_from(config: NotifyConfig) -> RetryPolicy:
    return RetryPolicy(config.max_attempts, config.retry_base_seconds, config.retry_max_seconds)


def webhook_policy_from(config: NotifyConfig) -> RetryPolicy:
    return RetryPolicy(
        config.webhook_max_attempts,
        config.webhook_retry_base_seconds,
        config.webhook_retry_max_seconds,
        jitter=True,
    )


def _keys(configured: str) -> tuple[str, ...]:
    return tuple(key.strip() for key in configured.split(",") if key.strip())


def tencent_sms_from(config: NotifyConfig) -> TencentSms:
    """The Tencent Cloud SMS adapter; refuses to start without the account's keys or a template per purpose."""
    if not (config.tencent_sms_secret_id and config.tencent_sms_secret_key):
        raise ValueError(
            "WICT_TENCENT_SMS_SECRET_ID and WICT_TENCENT_SMS_SECRET_KEY are required for tencent SMS"
        )
    templates = json.loads(config.tencent_sms_templates)
    for purpose in ("urgent_notice", "notice"):
        if "en" not in templates.get(purpose, {}):
            raise ValueError(f"WICT_TENCENT_SMS_TEMPLATES: {purpose} needs at least an en template id")
    settings = TencentSmsSettings(
        secret_id=config.tencent_sms_secret_id,
        secret_key=config.tencent_sms_secret_key,
        app_id=config.tencent_sms_app_id,
        sign_name=config.tencent_sms_sign,
        templates=templates,
        endpoint=config.tencent_sms_endpoint,
        region=config.tencent_sms_region,
        headline_limit=config.tencent_sms_headline_limit,
        link_base=config.tencent_sms_link_base,
    )
    return TencentSms(settings)


def _sms_provider(config: NotifyConfig, database: Database) -> SmsProvider:
    if config.sms_provider == "tencent":
        return tencent_sms_from(config)
    if config.sms_provider == "dev":
        return DevSmsProvider(database.pool)
    raise ValueError(f"WICT_SMS_PROVIDER must be dev or tencent, not {config.sms_provider!r}")


def _channels(config: NotifyConfig, sms: SmsProvider, notifier: Notifier) -> tuple[Channel, ...]:
    webhooks = WebhookSender(
        config.webhook_disable_after_failures, disabled_notice(notifier), config.webhook_timeout_seconds
    )
    return (
        Channel(mailer_from(config), retry_policy_from(config)),
        Channel(SmsSender(sms), retry_policy_from(config)),
        Channel(webhooks, webhook_policy_from(config)),
    )


async def build(context: Context[NotifyDependencies]) -> NotifyDependencies:
    """Seed the recipients of the data file, then wire what the entrypoints use."""
    config: NotifyConfig = context.config
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines quote webhook URLs
    directory = recipients.load_directory(
        Path(config.recipients_file) if config.recipients_file else recipients.RECIPIENTS_PATH
    )
    async with context.database.transaction() as unit:
        seeded = await recipients.seed(unit.connection, directory)
    log.info("recipients seeded", extra={"fields": {"vendors_and_staff": seeded}})
    sms = _sms_provider(config, context.database)
    notifier = Notifier(
        load_templates(), ZoneInfo(config.venue_time_zone), parse_leads(config.reminder_leads)
    )
    return NotifyDependencies(
        database=context.database,
        tracer=context.tracer,
        notifier=notifier,
        venue=VenueAccounts(config.venue_url),
        staff_keys=_keys(config.staff_api_keys),
        ops_keys=_keys(config.ops_api_keys),
        webhook_require_https=config.webhook_require_https,
        channels=_channels(config, sms, notifier),
        sms_receipts=sms.pull_receipts if isinstance(sms, TencentSms) else None,
        people=VenuePeople(nats_servers(config.nats_url), login_options(config)),
    )


def _loops(context: Context[NotifyDependencies]) -> list[timers.Loop]:
    config: NotifyConfig = context.config
    deps = context.deps
    dispatchers = [
        timers.dispatcher(
            deps.database,
            channel.sender,
            channel.policy,
            deps.tracer,
            config.dispatch_interval_seconds,
            config.dispatch_batch_size,
            deps.notifier.deliveries_waiting(channel.sender.channel),
        )
        for channel in deps.channels
    ]
    receipts = (
        [timers.sms_receipts(deps.database, deps.sms_receipts, config.sms_receipts_interval_seconds)]
        if deps.sms_receipts is not None
        else []
    )
    return [
        *dispatchers,
        *receipts,
        timers.reminders(deps.database, deps.notifier, deps.tracer, config.reminder_interval_seconds),
        timers.payload_retention(
            deps.database, config.payload_retention_days, config.retention_sweep_seconds
        ),
    ]


def spec() -> ServiceSpec[NotifyDependencies]:
    return ServiceSpec(
        name="notify",
        migrations=Path(__file__).parent / "migrations",
        config_type=NotifyConfig,
        dependencies=build,
        consumers=lambda context: routes(context.deps.notifier),
        loops=_loops,
        controllers=[
            NotificationsController,
            MeController,
            RecipientsController,
            BroadcastsController,
            OpsController,
            SignageController,
        ],
        openapi=openapi_config(
            "WICT notifications API",
            "0.2.0",
            "The in-app feed, webhook registration and channel preferences of recipients, urgent broadcasts "
            "(/staff) and delivery records (/ops); every route needs a venue API key or access token.",
        ),
    )
