"""What the browser tests share: people (accounts, sessions), the browser, and a checked page visit.

Every visit asserts what the issue asks of every page: axe-core finds no violation, no request leaves
localhost, and the browser reports no Content-Security-Policy violation.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, sync_playwright

from deploy.embedded.process import REPO_ROOT
from deploy.embedded.stack import Stack
from services.web.domain.session import id_hash, new_session_id

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A date or time field is drawn in its page's language (lang on <html>), as a browser set to that
    # language draws it: a zh-CN reader's browser is Chinese (2027/01/28), an English reader's is not
    # (01/28/2027). Debian's chromium holds only its en-US resources (chromium-l10n lags its version),
    # so the browser's own locale cannot be switched per test; this makes the field follow the page's.
    "--enable-features=LangAttributeAwareFormControlUI",
]
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ZOOMED = {"width": 640, "height": 450}  # the desktop (1280 x 900) at 200 % zoom
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
AXE_OPTIONS = {"resultTypes": ["violations"]}
SESSION_COOKIE = "__Host-wict-session"


@dataclass
class Account:
    role: str
    api_key: str
    account: dict[str, Any]

    @property
    def account_id(self) -> str:
        return str(self.account["account_id"])

    @property
    def name(self) -> str:
        return str(self.account["name"])


class People:
    """Accounts through the venue's API, and sessions written into the web's own table."""

    def __init__(self, stack: Stack, staff_api: httpx.Client) -> None:
        self.stack = stack
        self.staff_api = staff_api
        self.venue_url = stack.service("venue").base_url

    def organizer(self, name: str = "Ann Example", language: str = "en", **fields: str) -> Account:
        body = {
            "name": name,
            "email": f"{name.split()[0].lower()}-{uuid.uuid4().hex[:8]}@example.org",
            "locale": language,
            "time_zone": "Europe/Berlin",
            **fields,
        }
        created = self.staff_api.post("/organizers", json=body).raise_for_status().json()
        return Account("organizer", created["api_key"], created["account"])

    def staff(self) -> Account:
        return self._bootstrap("staff")

    def ops(self) -> Account:
        return self._bootstrap("ops")

    def _bootstrap(self, role: str) -> Account:
        key = self.stack.credentials[role]
        me = httpx.get(f"{self.venue_url}/me", headers={"Authorization": f"Bearer {key}"}).raise_for_status()
        return Account(role, key, me.json())

    def session_for(self, person: Account, elder: bool = False) -> str:
        """A signed-in session of ``person`` (an access token from POST /tokens), as its cookie value."""
        answer = httpx.post(
            f"{self.venue_url}/tokens", headers={"Authorization": f"Bearer {person.api_key}"}
        ).raise_for_status()
        token = answer.json()
        session_id = new_session_id()
        account = person.account
        values = [
            f"'\\x{id_hash(session_id).hex()}'::bytea",
            _literal(str(account["account_id"])),
            _literal(account["role"]),
            _literal(account["name"]),
            _literal(account.get("locale", "en")),
            _literal(account.get("time_zone", "Asia/Shanghai")),
            "true" if elder else "false",
            _literal(token["access_token"]),
            _literal(token["expires_at"]),
            _literal((datetime.now(UTC) + timedelta(hours=2)).isoformat()),
        ]
        # psql, not asyncpg: Playwright's sync API runs an event loop in this thread
        self.stack.postgres.psql(
            "INSERT INTO sessions (id_hash, account_id, role, name, locale, time_zone, elder_mode,"
            f" access_token, access_expires_at, expires_at) VALUES ({', '.join(values)})",
            database="web",
        )
        return session_id


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Visit:
    """One browser context (cookies of one person) and its page, with the checks of every visit."""

    context: BrowserContext
    page: Page
    base_url: str
    outside: list[str] = field(default_factory=list)
    csp_errors: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def open(self, path: str, check: bool = True) -> Page:
        response = self.page.goto(self.base_url + path)
        assert response is not None
        if check:
            self.check()
        return self.page

    def check(self) -> None:
        """axe-core finds no violation; nothing left localhost; no CSP violation."""
        self.page.wait_for_load_state("load")
        results = Axe().run(self.page, options=AXE_OPTIONS)
        where = self.page.url
        assert results.violations_count == 0, f"axe on {where}:\n{_violations(results.response)}"
        assert not self.outside, f"requests left localhost: {self.outside}"
        assert not self.csp_errors, f"CSP violations on {where}: {self.csp_errors}"
        self.checked.append(urlsplit(where).path)

    def shot(self, name: str, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def fits(self, viewport: dict[str, int]) -> None:
        """At this size (a phone, or the desktop at 200 % zoom) the page needs no sideways scrolling:
        wide tables scroll inside their own region."""
        self.page.set_viewport_size(viewport)  # type: ignore[arg-type]
        width = self.page.evaluate("document.documentElement.scrollWidth")
        wide = self.page.evaluate(_WIDE, viewport["width"]) if width > viewport["width"] else []
        assert width <= viewport["width"], f"{self.page.url} is {width} px wide at {viewport}: {wide}"

    def nothing_cut(self, selector: str) -> None:
        """Every element matching ``selector`` and inside it shows all of itself: none is wider than its
        box (scrollWidth > clientWidth: a cut amount, or a region scrolling sideways) or reaches past
        the viewport's edges. Visually hidden text (clipped on purpose, for screen readers) is left out."""
        assert self.page.locator(selector).count() >= 1, f"nothing matches {selector} on {self.page.url}"
        cut = self.page.evaluate(_CUT, selector)
        assert not cut, f"cut or sideways on {self.page.url} at {self.page.viewport_size}: {cut}"

    def date_parts(self, selector: str) -> list[str]:
        """The parts of a date field in the order the browser draws them (its accessibility tree):
        ["Year", "Month", "Day"] for 2027/01/28, ["Month", "Day", "Year"] for 01/28/2027."""
        label = self.page.locator(selector).evaluate("e => e.labels[0].textContent.trim()")
        session = self.context.new_cdp_session(self.page)
        try:
            nodes = session.send("Accessibility.getFullAXTree")["nodes"]
        finally:
            session.detach()
        start = next(i for i, n in enumerate(nodes) if _ax(n, "role") == "Date" and _ax(n, "name") == label)
        parts = [n for n in nodes[start + 1 :] if _ax(n, "role") == "spinbutton"][:3]
        return [_ax(n, "name").split()[0] for n in parts]

    def submit(self, button_name: str | re.Pattern[str]) -> None:
        self.click(self.page.get_by_role("button", name=button_name))

    def click(self, target: Locator | str) -> None:
        """Click and wait for the page it leads to (not just any load state: the old page is loaded)."""
        locator = self.page.locator(target) if isinstance(target, str) else target
        with self.page.expect_navigation():
            locator.click()

    def press(self, key: str) -> None:
        with self.page.expect_navigation():
            self.page.keyboard.press(key)


# the innermost elements reaching past the viewport's right edge, to say what widens the page
_WIDE = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1
               && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
  .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


def _ax(node: dict[str, Any], key: str) -> str:
    return str(node.get(key, {}).get("value", ""))


# elements (matching the selector, or inside them) wider than their box or past the viewport's edges
_CUT = """selector => {
  const hidden = e => { for (let a = e; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.clipPath !== 'none' || style.display === 'none') return true; } return false; };
  const roots = [...document.querySelectorAll(selector)];
  const all = roots.flatMap(r => [r, ...r.querySelectorAll('*')]).filter(e => !hidden(e));
  return all.filter(e => {
      const box = e.getBoundingClientRect();
      const wider = e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1;
      return wider || box.right > window.innerWidth + 1 || box.left < -1;
    }).slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + e.scrollWidth + '/'
      + e.clientWidth + ' right ' + Math.round(e.getBoundingClientRect().right) + ': '
      + e.textContent.trim().slice(0, 40));
}"""


def _violations(response: dict[str, Any]) -> str:
    lines = []
    for violation in response.get("violations", []):
        targets = [node.get("target") for node in violation.get("nodes", [])][:5]
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} at {json.dumps(targets)}"
        )
    return "\n".join(lines)


class Browsing:
    def __init__(self, playwright: Playwright, browser: Browser, base_url: str) -> None:
        self.playwright = playwright
        self.browser = browser
        self.base_url = base_url

    @classmethod
    @contextmanager
    def start(cls, base_url: str) -> Iterator[Browsing]:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                yield cls(playwright, browser, base_url)
            finally:
                browser.close()

    @contextmanager
    def visit(
        self,
        language: str = "en",
        session_id: str | None = None,
        elder: bool = False,
        viewport: dict[str, int] | None = None,
        zone: str = "Europe/Berlin",
    ) -> Iterator[Visit]:
        context = self.browser.new_context(
            viewport=viewport or DESKTOP, locale=language, timezone_id=zone, base_url=self.base_url
        )
        cookies = [
            {"name": "wict-lang", "value": language},
            {"name": "wict-elder", "value": "1" if elder else "0"},
        ]
        if session_id:
            cookies.append({"name": SESSION_COOKIE, "value": session_id, "secure": True, "httpOnly": True})
        host = urlsplit(self.base_url).hostname
        context.add_cookies([{"domain": host, "path": "/", **cookie} for cookie in cookies])  # type: ignore[misc]
        page = context.new_page()
        visit = Visit(context, page, self.base_url)
        context.on("request", lambda request: _note_outside(visit, request.url))
        page.on("console", lambda message: _note_csp(visit, message.text))
        try:
            yield visit
        finally:
            context.close()


def _note_outside(visit: Visit, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
        visit.outside.append(url)


def _note_csp(visit: Visit, text: str) -> None:
    if "Content Security Policy" in text or "Content-Security-Policy" in text:
        visit.csp_errors.append(text)
