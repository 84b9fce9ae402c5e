"""The notify HTTP app in the test's event loop, on the test's database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from litestar import Litestar
from litestar.di import Provide
from opentelemetry import trace

from services.notify.adapters.venue_accounts import VenueAccounts
from services.notify.adapters.venue_people import VenuePeople
from services.notify.bootstrap import NotifyConfig
from services.notify.entrypoints.dependencies import NotifyDependencies
from services.notify.entrypoints.http.feed import NotificationsController
from services.notify.entrypoints.http.ops import OpsController
from services.notify.entrypoints.http.recipients import RecipientsController
from services.notify.entrypoints.http.signage import SignageController
from services.notify.entrypoints.http.staff import BroadcastsController
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database
from shared.http.problems import EXCEPTION_HANDLERS
from shared.service import Context

STAFF_KEY, OPS_KEY = "wict_test-staff-key", "wict_test-ops-key"


@asynccontextmanager
async def api_client(
    database: Database, notifier: Notifier, people: VenuePeople | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    config = NotifyConfig(staff_api_keys=STAFF_KEY, ops_api_keys=OPS_KEY)
    context: Context[NotifyDependencies] = Context(
        "notify", config, database, trace.get_tracer("notify-tests")
    )
    context.deps = NotifyDependencies(
        database=database,
        tracer=context.tracer,
        notifier=notifier,
        venue=VenueAccounts(config.venue_url),
        staff_keys=(STAFF_KEY,),
        ops_keys=(OPS_KEY,),
        people=people,
    )
    app = Litestar(
        route_handlers=[
            NotificationsController,
            RecipientsController,
            BroadcastsController,
            OpsController,
            SignageController,
        ],
        dependencies={"deps": Provide(lambda: context.deps, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
    )
    app.state.context = context
    # litestar's own test client runs the app in another loop, where the pool cannot go
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    staff = {"Authorization": f"Bearer {STAFF_KEY}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://notify.test", headers=staff) as client:
        yield client
