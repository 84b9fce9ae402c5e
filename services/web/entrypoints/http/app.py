"""The web application's routes as one router: every page gets the viewer, every unsafe request the
CSRF check, every error a page; plus the vendored assets and the security middleware."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Router, get
from litestar.datastructures import CacheControlHeader
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template import TemplateConfig

from services.web.entrypoints.dependencies import WebConfig
from services.web.entrypoints.http.account import AccountController
from services.web.entrypoints.http.bookings import BookingsController
from services.web.entrypoints.http.changes import ChangesController
from services.web.entrypoints.http.checkout import CheckoutController, SeriesController
from services.web.entrypoints.http.desk import DeskController
from services.web.entrypoints.http.desk_decisions import DeskDecisionsController
from services.web.entrypoints.http.desk_work import DeskWorkController
from services.web.entrypoints.http.errors import EXCEPTION_HANDLERS
from services.web.entrypoints.http.guests import GuestsController
from services.web.entrypoints.http.notifications import NotificationsController
from services.web.entrypoints.http.ops import OpsController
from services.web.entrypoints.http.public import PublicController
from services.web.entrypoints.http.rendering import ENVIRONMENT
from services.web.entrypoints.http.security import csrf_guard, security_middleware
from services.web.entrypoints.http.series_actions import SeriesActionsController
from services.web.entrypoints.http.signin import SignInController
from services.web.entrypoints.http.signup import SignUpController
from services.web.entrypoints.http.viewer import Viewer, load_viewer
from services.web.entrypoints.http.wizard import WizardController

ASSETS = Path(__file__).resolve().parents[1] / "assets"
CONTROLLERS: list[Any] = [
    PublicController,
    SignInController,
    SignUpController,
    BookingsController,
    WizardController,
    CheckoutController,
    SeriesController,
    SeriesActionsController,
    ChangesController,
    GuestsController,
    NotificationsController,
    DeskController,
    DeskDecisionsController,
    DeskWorkController,
    OpsController,
    AccountController,
]


@get("/{unknown:path}", include_in_schema=False)
async def not_found(viewer: NamedDependency[Viewer], unknown: FromPath[str]) -> None:
    """Any other path: the 404 page (in the visitor's language)."""
    raise NotFoundException(unknown)


def web_router() -> Router:
    pages = Router(
        path="/",
        route_handlers=[*CONTROLLERS, not_found],
        dependencies={"viewer": Provide(load_viewer)},
        guards=[csrf_guard],
        exception_handlers=EXCEPTION_HANDLERS,
        include_in_schema=False,
    )
    return pages


def assets_router() -> Router:
    return create_static_files_router(
        path="/assets",
        directories=[ASSETS],
        cache_control=CacheControlHeader(max_age=3600, public=True),
        include_in_schema=False,
        name="assets",
    )


def app_options(config: WebConfig) -> dict[str, Any]:
    engine = JinjaTemplateEngine.from_environment(ENVIRONMENT)
    return {
        "template_config": TemplateConfig(instance=engine),
        "middleware": [security_middleware(config.cookie_secure)],
    }
