"""The web application's routes register (a bad path or a reserved parameter name fails here, fast)."""

from __future__ import annotations

import pytest

from services.web.bootstrap import spec
from services.web.entrypoints.dependencies import WebConfig
from shared.service import Runtime

pytestmark = pytest.mark.unit


def test_the_app_builds_with_every_page_and_no_messaging():
    service = spec()
    assert service.messaging is False
    app = Runtime(service, WebConfig()).app()
    paths = {route.path for route in app.routes}
    for expected in (
        "/",
        "/book/{step:int}",
        "/bookings/{booking_id:uuid}/live",
        "/desk/approvals",
        "/ops/trace/{booking_id:uuid}",
    ):
        assert expected in paths
