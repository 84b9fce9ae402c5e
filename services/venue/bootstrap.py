"""The one place that wires the venue service: configuration, its typed dependencies, consumers, loops,
the HTTP API and its middleware."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from litestar.middleware import DefineMiddleware

from services.venue.adapters.idempotency import IdempotentRequests
from services.venue.adapters.letter_pdf import LetterFont, Letterhead
from services.venue.adapters.pricing import booking_price
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.access import Role
from services.venue.domain.account_settings import AccountSettings
from services.venue.domain.cancellation import parse_tiers
from services.venue.domain.catalog import Catalog, load_catalog
from services.venue.domain.consent import load_consent
from services.venue.domain.network_lines import load_line_pool
from services.venue.domain.passwords import HashingParameters, Passwords
from services.venue.domain.rates import load_rate_card
from services.venue.domain.sealing import KeyRing, new_key_entry, parse_keys
from services.venue.domain.settings import HoldSettings, SagaSettings
from services.venue.domain.tokens import TokenSettings
from services.venue.entrypoints.dependencies import VenueConfig, VenueDependencies
from services.venue.entrypoints.http.approvals import ApprovalsController
from services.venue.entrypoints.http.auth import rate_limit
from services.venue.entrypoints.http.availability import AvailabilityController
from services.venue.entrypoints.http.bookings import BookingsController
from services.venue.entrypoints.http.calendars import BookingCalendarController, SpaceCalendarController
from services.venue.entrypoints.http.cancellation import CancellationController
from services.venue.entrypoints.http.changes import ChangesController
from services.venue.entrypoints.http.checkin import CheckInsController
from services.venue.entrypoints.http.closures import ClosuresController
from services.venue.entrypoints.http.events import EventsController, PublicityController
from services.venue.entrypoints.http.guest_link import ConsentController, GuestLinkController
from services.venue.entrypoints.http.guests import GuestDataAuditController, GuestsController
from services.venue.entrypoints.http.holds import HoldsController
from services.venue.entrypoints.http.idempotency import IdempotencyMiddleware
from services.venue.entrypoints.http.invitations import InvitationsController
from services.venue.entrypoints.http.letters import LetterVerificationController, StaffLettersController
from services.venue.entrypoints.http.me import MeController
from services.venue.entrypoints.http.network_lines import NetworkLinesController
from services.venue.entrypoints.http.ops import OpsController
from services.venue.entrypoints.http.ops_dead_letters import OpsDeadLettersController
from services.venue.entrypoints.http.organizers import OrganizersController
from services.venue.entrypoints.http.planning import PlanningRequestsController, PlanningTasksController
from services.venue.entrypoints.http.quotes import QuotesController
from services.venue.entrypoints.http.records import ActivityRecordsController, StatsController
from services.venue.entrypoints.http.reports import ReportsController
from services.venue.entrypoints.http.series import SeriesController
from services.venue.entrypoints.http.sessions import PasswordResetsController, SessionsController
from services.venue.entrypoints.http.signup import SignupController
from services.venue.entrypoints.http.spaces import SpacesController
from services.venue.entrypoints.http.tokens import TokensController
from services.venue.entrypoints.http.vendor_tasks import VendorTaskDeskController
from services.venue.entrypoints.http.waitlist import WaitlistController
from services.venue.entrypoints.messages.dead_letters import follow_dead_letters
from services.venue.entrypoints.messages.participants import routes
from services.venue.entrypoints.responders import responders
from services.venue.entrypoints.timers import loops
from services.venue.handlers.account_context import AccountContext
from services.venue.handlers.accounts import ensure_bootstrap_accounts
from services.venue.handlers.letters import LetterSettings
from shared.config import ConfigError
from shared.http.api_docs import openapi_config
from shared.service import Context, ServiceSpec

__all__ = ["VenueConfig", "spec"]

log = logging.getLogger(__name__)

CONTROLLERS = [
    SpacesController,
    BookingsController,
    MeController,
    OrganizersController,
    SignupController,
    SessionsController,
    PasswordResetsController,
    SeriesController,
    TokensController,
    ApprovalsController,
    HoldsController,
    CancellationController,
    WaitlistController,
    ChangesController,
    QuotesController,
    NetworkLinesController,
    PlanningRequestsController,
    PlanningTasksController,
    BookingCalendarController,
    SpaceCalendarController,
    ActivityRecordsController,
    StatsController,
    ReportsController,
    VendorTaskDeskController,
    ClosuresController,
    EventsController,
    PublicityController,
    AvailabilityController,
    GuestsController,
    GuestDataAuditController,
    InvitationsController,
    ConsentController,
    GuestLinkController,
    StaffLettersController,
    LetterVerificationController,
    CheckInsController,
    OpsController,
    OpsDeadLettersController,
]


SECRET_ANSWERS = (
    "/sessions",
    "/sessions/link/verify",
    "/sessions/refresh",
    "/me/api-keys",
    "/tokens",
    "/organizers",
)


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


def _account_context(config: VenueConfig, database: VenueDatabase, tokens: TokenSettings) -> AccountContext:
    settings = AccountSettings(
        web_url=config.web_url,
        verify_link_lifetime=timedelta(seconds=config.signup_link_ttl_seconds),
        sign_in_link_lifetime=timedelta(seconds=config.sign_in_link_ttl_seconds),
        reset_link_lifetime=timedelta(seconds=config.password_reset_ttl_seconds),
        refresh_lifetime=timedelta(seconds=config.refresh_ttl_seconds),
    )
    hashing = HashingParameters(
        config.password_time_cost, config.password_memory_kib, config.password_parallelism
    )
    return AccountContext(database, settings, Passwords(hashing), tokens)


def _letter_settings(config: VenueConfig, catalog: Catalog) -> LetterSettings:
    """The letters' letterhead (the venue as host and signatory), fonts, time zone and hall names."""
    letterhead = Letterhead(
        name_zh="WICT国际文化旅游交流中心",
        name_en="WICT International Culture & Tourism Exchange Venue",
        address_zh="中国重庆市两江新区寸滩国际新城",
        address_en="Cuntan International New Town, Liangjiang New Area, Chongqing, China",
        signatory_zh="主任",
        signatory_en="Director",
        verify_url=f"{config.web_url.rstrip('/')}/verify",
    )
    default = LetterFont()
    font = LetterFont(
        regular=Path(config.letter_font) if config.letter_font else default.regular,
        bold=Path(config.letter_font_bold) if config.letter_font_bold else default.bold,
    )
    spaces = {
        space.id: " ".join(dict.fromkeys(filter(None, (space.name.get("zh-CN"), space.name.get("en")))))
        for space in catalog.spaces
    }
    return LetterSettings(letterhead, ZoneInfo(config.letter_time_zone), spaces, font)


async def dependencies(context: Context[VenueDependencies]) -> VenueDependencies:
    """Everything the venue's entrypoints use, built once at start-up (and its own staff and ops accounts)."""
    config: VenueConfig = context.config
    catalog, rates, database = load_catalog(), load_rate_card(), VenueDatabase(context.database)
    tokens, guest_keys = _token_settings(config), _guest_keys(config)
    await ensure_bootstrap_accounts(
        database,
        {
            Role.STAFF: (config.bootstrap_staff_key, config.bootstrap_staff_email),
            Role.OPS: (config.bootstrap_ops_key, config.bootstrap_ops_email),
        },
    )
    return VenueDependencies(
        config=config,
        database=database,
        catalog=catalog,
        saga=SagaSettings(
            step_timeout=timedelta(seconds=config.step_timeout_seconds),
            approval_timeout=timedelta(seconds=config.approval_timeout_seconds),
            option_days=config.option_days,
        ),
        holds=HoldSettings(option_days=config.option_days),
        cancellation_tiers=parse_tiers(config.cancellation_tiers),
        price_of=booking_price(database.pool, catalog, rates),
        tokens=tokens,
        guest_keys=guest_keys,
        consent=load_consent(),
        letters=_letter_settings(config, catalog),
        rates=rates,
        line_pool=load_line_pool(),
        idempotent_requests=IdempotentRequests(database.pool),
        tracer=context.tracer,
        accounts=_account_context(config, database, tokens),
    )


def spec() -> ServiceSpec[VenueDependencies]:
    return ServiceSpec(
        name="venue",
        migrations=Path(__file__).parent / "migrations",
        config_type=VenueConfig,
        dependencies=dependencies,
        consumers=lambda context: routes(context.deps.catalog, context.deps.saga),
        responders=responders,
        loops=lambda context: [
            *loops(context.deps),
            lambda: follow_dead_letters(
                context.config, context.deps.database, context.deps.catalog, context.deps.saga, context.tracer
            ),
        ],
        controllers=CONTROLLERS,
        app_options=lambda config: {
            "middleware": [
                rate_limit(config.rate_limit_per_minute).middleware,
                # bookings and options keep their own first answer with the booking itself; answers that
                # carry secrets (sessions, API keys, access tokens) are never stored
                DefineMiddleware(IdempotencyMiddleware, skip_paths={"/bookings", "/holds", *SECRET_ANSWERS}),
            ],
            "request_max_body_size": config.max_body_bytes,
        },
        openapi=openapi_config(
            "WICT venue booking API",
            "0.1.0",
            "Book the halls of the WICT exchange venue; interpretation and catering follow as a saga.",
        ),
    )
