"""The one place that wires the web application: its API clients (venue, notify, catering's menus),
sessions, catalogs, the session purge loop and the pages. It speaks HTTP only: no NATS."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from services.web.adapters.api import Api
from services.web.adapters.catalogs import load_all
from services.web.adapters.sessions import SessionStore
from services.web.entrypoints.dependencies import Cached, WebConfig, WebDependencies
from services.web.entrypoints.http.app import app_options, assets_router, web_router
from services.web.entrypoints.timers import session_purge
from shared.service import Context, ServiceSpec

log = logging.getLogger(__name__)


async def build(context: Context[WebDependencies]) -> WebDependencies:
    config: WebConfig = context.config
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines would log every API path
    if not config.csrf_secret:
        log.warning("WICT_CSRF_SECRET is not set: a random one is used, forms of other instances fail")
    venue, notify, catering = Api(config.venue_url), Api(config.notify_url), Api(config.catering_url)

    async def spaces() -> object:
        return await venue.json("GET", "/spaces")

    async def menus() -> object:
        return await catering.json("GET", "/menus")

    return WebDependencies(
        config=config,
        venue=venue,
        notify=notify,
        catering=catering,
        sessions=SessionStore(context.database),
        translations=load_all(),
        csrf_secret=config.csrf_secret.encode() or secrets.token_bytes(32),
        spaces=Cached(spaces),
        menus=Cached(menus),
    )


def spec() -> ServiceSpec[WebDependencies]:
    return ServiceSpec(
        name="web",
        migrations=Path(__file__).parent / "migrations",
        config_type=WebConfig,
        controllers=[web_router(), assets_router()],
        dependencies=build,
        loops=lambda context: [session_purge(context.deps)],
        app_options=app_options,
        messaging=False,
    )
