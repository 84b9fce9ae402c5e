"""What the venue's entrypoints are given: its configuration and one typed dependencies object.

``bootstrap.py`` builds the ``VenueDependencies`` once at start-up; HTTP controllers receive it as the
``deps`` parameter, consumers and loops through ``context.deps``.
"""

from __future__ import annotations

from dataclasses import dataclass

from opentelemetry import trace

from services.venue.adapters.idempotency import IdempotentRequests
from services.venue.adapters.unit_of_work import VenueDatabase
from services.venue.domain.cancellation import Tier
from services.venue.domain.catalog import Catalog
from services.venue.domain.consent import Consent
from services.venue.domain.network_lines import LinePool
from services.venue.domain.rates import RateCard
from services.venue.domain.sealing import KeyRing
from services.venue.domain.settings import HoldSettings, SagaSettings
from services.venue.domain.tokens import TokenSettings
from services.venue.handlers.account_context import AccountContext
from services.venue.handlers.cancellation import PriceOf
from services.venue.handlers.letters import LetterSettings
from shared.config import ServiceConfig


class VenueConfig(ServiceConfig, frozen=True, kw_only=True):
    step_timeout_seconds: float = 30.0
    approval_timeout_seconds: float = 48 * 3600.0
    deadline_sweep_seconds: float = 0.5
    bootstrap_staff_key: str = ""  # an API key for the venue's staff account, set by the deployment
    bootstrap_ops_key: str = ""
    # the staff and ops accounts' e-mail addresses: POST /password-resets there gives them a password for
    # the web sign-in (empty: staff@venue.local and ops@venue.local, which receive nothing)
    bootstrap_staff_email: str = ""
    bootstrap_ops_email: str = ""
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
    # people's own accounts: where the e-mailed links point (the web application), how long each lives,
    # and the argon2id cost of password hashes (raising it rehashes each password at its next sign-in)
    web_url: str = "http://127.0.0.1:8004"
    signup_link_ttl_seconds: int = 24 * 3600
    sign_in_link_ttl_seconds: int = 15 * 60
    password_reset_ttl_seconds: int = 3600
    refresh_ttl_seconds: int = 30 * 24 * 3600
    password_time_cost: int = 3
    password_memory_kib: int = 65536
    password_parallelism: int = 4
    account_upkeep_seconds: float = 300.0  # deleting expired links and sessions, forgotten failed sign-ins
    # guests' passport numbers and dates of birth are sealed with AES-256-GCM: `id:base64-32-bytes,...`,
    # the first seals, all open (rotation); empty means a random key per process (data dies with it)
    guest_data_key: str = ""
    guest_retention_days: int = 30  # after the booking ends; at once when it is cancelled or rejected
    guest_purge_sweep_seconds: float = 5.0
    # invitation letters' rows (number, state, dates, masked facts) stay verifiable this long after the
    # decision; their PDFs and the registrations go with the guest data above
    letter_retention_days: int = 3 * 365
    # invitation letters: the CJK font files (empty: Debian's fonts-noto-cjk, Noto Sans CJK SC) and the
    # time zone their dates are printed in
    letter_font: str = ""
    letter_font_bold: str = ""
    letter_time_zone: str = "Asia/Shanghai"
    # answers to Idempotency-Keys are kept this long: longer than any client retries (the platform's clients
    # retry within minutes; the window allows a day's outage and a retry the next day)
    idempotency_retention_hours: float = 48.0
    # ops API: the other services (readiness, notify's failed deliveries), the NATS login that reads every
    # consumer's lag and handles dead letters (empty: the venue's own, enough without authorization), and
    # a tracing UI to link each booking's trace to
    interpreting_url: str = "http://127.0.0.1:8001"
    catering_url: str = "http://127.0.0.1:8002"
    notify_url: str = "http://127.0.0.1:8003"
    ops_nats_user: str = ""
    ops_nats_password: str = ""
    jaeger_url: str = ""  # e.g. http://jaeger:16686: GET /bookings/{id}/trace links to <url>/trace/<trace id>
    series_max_occurrences: int = (
        52  # the most occurrences one recurring series (POST /bookings/series) makes
    )


@dataclass(frozen=True)
class VenueDependencies:
    config: VenueConfig
    database: VenueDatabase
    catalog: Catalog
    saga: SagaSettings
    holds: HoldSettings
    cancellation_tiers: tuple[Tier, ...]
    price_of: PriceOf  # a booking's price in minor units, the base of its cancellation fee
    tokens: TokenSettings
    guest_keys: KeyRing
    consent: Consent  # the guests' consent text (consent.json)
    letters: LetterSettings  # the invitation letters' letterhead, fonts, time zone and hall names
    rates: RateCard
    line_pool: LinePool
    idempotent_requests: IdempotentRequests
    tracer: trace.Tracer
    accounts: AccountContext  # sign-up, sign-in, sessions and resets: credentials' lifetimes, the hasher
