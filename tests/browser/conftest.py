"""Browser tests of the web application: one stack (PostgreSQL, NATS, SMTP, the four services and the
web) and one Debian chromium for this package's tests, driven by Playwright. Package scope, not
session: Playwright's sync API keeps an event loop running in the main thread while it is open, and
the tests after this package start event loops of their own.

Setup installs ``chromium`` and ``fonts-noto-cjk`` with apt-get when missing (CI is root and reaches
Debian's packages); where that cannot work the tests are skipped with the reason, never passed.
The sign-up test signs up and in for real (password, one-time link, reset; links read from the SMTP
sink). The other tests sign a person in by writing a session row straight into the web's own table with
an access token from the venue's POST /tokens (test plumbing, not a route): the accounts they use are
opened by the desk or bootstrapped (staff, ops) with an API key and no password, and a real sign-in
per test would cost a mail round trip each.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from deploy.embedded.stack import PLATFORM, Stack, StackConfig
from tests.browser.support import CHROMIUM, Browsing, People
from tests.support import ensure_debian_packages, stack_folder, stop_discarded


def _install_browser() -> str | None:
    """None when chromium and the CJK fonts are there (installed now if need be), else why not."""
    return ensure_debian_packages(
        {
            "chromium": Path(CHROMIUM),
            "fonts-noto-cjk": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        }
    )


@pytest.fixture(scope="session")
def browser_ready() -> None:
    reason = _install_browser()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="package")
def stack(browser_ready: None) -> Iterator[Stack]:
    folder = stack_folder("browser")
    stack = Stack(StackConfig.ephemeral(folder))
    try:
        stack.start_infrastructure()
        stack.start_services(PLATFORM)
        yield stack
    finally:
        stop_discarded(stack)  # the folder is deleted below (the logs are copied first if asked)
        keep = os.environ.get("WICT_BROWSER_LOGS")  # a folder to keep the services' logs in (debugging)
        if keep:
            shutil.copytree(stack.logs_dir, keep, dirs_exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="package")
def staff_api(stack: Stack) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {stack.credentials['staff']}"}
    with httpx.Client(base_url=stack.service("venue").base_url, headers=headers, timeout=30) as client:
        yield client


@pytest.fixture(scope="package")
def people(stack: Stack, staff_api: httpx.Client) -> People:
    return People(stack, staff_api)


@pytest.fixture(scope="package")
def browsing(stack: Stack) -> Iterator[Browsing]:
    with Browsing.start(stack.service("web").base_url) as browsing:
        yield browsing
