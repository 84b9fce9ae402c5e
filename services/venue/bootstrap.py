"""The one place that wires the venue service: catalog, saga settings, consumers, loops, HTTP API."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from pathlib import Path

from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig

from services.venue.adapters.accounts import ensure_bootstrap_account
from services.venue.adapters.pricing import booking_price
from services.venue.domain.access import Role
from services.venue.domain.cancellation import parse_tiers
from services.venue.domain.catalog import load_catalog
from services.venue.domain.rates import load_rate_card
from services.venue.domain.sealing import KeyRing, new_key_entry, parse_keys
from services.venue.domain.tokens import TokenSettings
from services.venue.entrypoints.accounts_http import AccountsController
from services.venue.entrypoints.addons import ADDON_CONTROLLERS
from services.venue.entrypoints.approvals_http import ApprovalsController
from services.venue.entrypoints.auth import rate_limit
from services.venue.entrypoints.availability_http import AvailabilityController
from services.venue.entrypoints.changes_http import ChangesController
from services.venue.entrypoints.closures_http import ClosuresController
from services.venue.entrypoints.dead_letters import follow_dead_letters
from services.venue.entrypoints.deadlines import sweep_deadlines, sweep_holds
from services.venue.entrypoints.guest_purge import sweep_guest_data
from services.venue.entrypoints.guests_http import GuestDataAuditController, GuestsController
from services.venue.entrypoints.holds_http import HoldsController
from services.venue.entrypoints.http import BookingsController, SpacesController
from services.venue.entrypoints.messages import routes
from services.venue.entrypoints.ops_dead_letters_http import OpsDeadLettersController
from services.venue.entrypoints.ops_http import OpsController
from services.venue.entrypoints.tokens_http import TokensController
from services.venue.handlers import SagaSettings
from services.venue.holds import HoldSettings
from shared.config import ConfigError, ServiceConfig
from shared.http.idempotency import IdempotencyMiddleware
from shared.service import Context, ServiceSpec

log = logging.getLogger(__name__)


class VenueConfig(ServiceConfig, frozen=True, kw_only=True):
    step_timeout_seconds: float = 30.0
    approval_timeout_seconds: float = 48 * 3600.0
    deadline_sweep_seconds: float = 0.5
    bootstrap_staff_key: str = ""  # an API key for the venue's staff account, set by the deployment
    bootstrap_ops_key: str = ""
    rate_limit_per_minute: int = 6000
    max_body_bytes: int = 65536
    option_days: int = 7
    cancellation_tiers: str = "14:0,3:50,0:100"  # <days before the start>:<fee percent>, ...
    hold_sweep_seconds: float = 5.0
    # access tokens (POST /tokens): HS256 with this secret (>= 32 bytes), shared by every venue instance;
    # empty means a random one per process, so tokens die with the process (fine for one instance)
    jwt_secret: str = ""
    jwt_audience: str = "wict-venue-api"
    jwt_issuer: str = "wict-venue"
    jwt_ttl_seconds: int = 900
    # guests' passport numbers and dates of birth are sealed with AES-256-GCM: `id:base64-32-bytes,...`,
    # the first seals, all open (rotation); empty means a random key per process (data dies with it)
    guest_data_key: str = ""
    guest_retention_days: int = 30  # after the booking ends; at once when it is cancelled or rejected
    guest_purge_sweep_seconds: float = 5.0
    # ops API: the other services (readiness, notify's failed deliveries), the NATS login that reads every
    # consumer's lag and handles dead letters (empty: the venue's own, enough without authorization), and
    # a tracing UI to link each booking's trace to
    interpreting_url: str = "http://127.0.0.1:8001"
    catering_url: str = "http://127.0.0.1:8002"
    notify_url: str = "http://127.0.0.1:8003"
    ops_nats_user: str = ""
    ops_nats_password: str = ""
    jaeger_url: str = ""  # e.g. http://jaeger:16686: GET /bookings/{id}/trace links to <url>/trace/<trace id>


def _token_settings(config: VenueConfig) -> TokenSettings:
    secret = config.jwt_secret
    if not secret:
        secret = secrets.token_urlsafe(48)
        log.warning("WICT_JWT_SECRET is not set: access tokens are valid only in this process")
    return TokenSettings(
        secret, config.jwt_audience, config.jwt_issuer, timedelta(seconds=config.jwt_ttl_seconds)
    )


def _guest_keys(config: VenueConfig) -> KeyRing:
    if not config.guest_data_key:
        log.warning("WICT_GUEST_DATA_KEY is not set: guest passport data is readable only in this process")
        return parse_keys(new_key_entry(f"ephemeral-{secrets.token_hex(4)}"))
    try:
        return parse_keys(config.guest_data_key)
    except ValueError as error:  # the message names a key id, never a key
        raise ConfigError(f"WICT_GUEST_DATA_KEY: {error}") from None


async def _on_start(context: Context) -> None:
    context.state["catalog"] = load_catalog()
    context.state["token_settings"] = _token_settings(context.config)
    context.state["guest_keys"] = _guest_keys(context.config)
    async with context.database.transaction() as unit:
        for role, key in (
            (Role.STAFF, context.config.bootstrap_staff_key),
            (Role.OPS, context.config.bootstrap_ops_key),
        ):
            if key:
                await ensure_bootstrap_account(unit.connection, role, key)
    context.state["saga_settings"] = SagaSettings(
        step_timeout=timedelta(seconds=context.config.step_timeout_seconds),
        approval_timeout=timedelta(seconds=context.config.approval_timeout_seconds),
        option_days=context.config.option_days,
    )
    context.state["hold_settings"] = HoldSettings(option_days=context.config.option_days)
    context.state["cancellation_tiers"] = parse_tiers(context.config.cancellation_tiers)
    context.state["price_of"] = booking_price(
        context.database.pool, context.state["catalog"], load_rate_card()
    )


def spec() -> ServiceSpec:
    return ServiceSpec(
        name="venue",
        migrations=Path(__file__).parent / "migrations",
        config_type=VenueConfig,
        on_start=_on_start,
        consumers=lambda context: routes(context.state["catalog"], context.state["saga_settings"]),
        loops=lambda context: [
            lambda: sweep_deadlines(
                context.database,
                context.state["catalog"],
                context.state["saga_settings"],
                context.tracer,
                context.config.deadline_sweep_seconds,
            ),
            lambda: sweep_holds(
                context.database,
                context.state["catalog"],
                context.state["hold_settings"],
                context.config.hold_sweep_seconds,
                context.tracer,
            ),
            lambda: sweep_guest_data(
                context.database,
                timedelta(days=context.config.guest_retention_days),
                context.config.guest_purge_sweep_seconds,
            ),
            lambda: follow_dead_letters(
                context.config,
                context.database,
                context.state["catalog"],
                context.state["saga_settings"],
                context.tracer,
            ),
        ],
        controllers=[
            SpacesController,
            BookingsController,
            AccountsController,
            TokensController,
            ApprovalsController,
            HoldsController,
            ChangesController,
            *ADDON_CONTROLLERS,
            ClosuresController,
            AvailabilityController,
            GuestsController,
            GuestDataAuditController,
            OpsController,
            OpsDeadLettersController,
        ],
        app_options=lambda config: {
            "middleware": [
                rate_limit(config.rate_limit_per_minute).middleware,
                # bookings and options keep their own first answer with the booking itself
                DefineMiddleware(IdempotencyMiddleware, skip_paths={"/bookings", "/holds"}),
            ],
            "request_max_body_size": config.max_body_bytes,
        },
        openapi=OpenAPIConfig(
            title="WICT venue booking API",
            version="0.1.0",
            description="Book the halls of the WICT exchange venue; interpretation and catering follow as a saga.",
            path="/schema",
            use_handler_docstrings=True,
        ),
    )
