"""Pages for everyone: the landing page with the spaces, what's on, the service desk; languages,
elder mode, security headers, keyboard use, phone width and 200 % zoom."""

from __future__ import annotations

import httpx
import pytest

from services.web.domain.session import id_hash
from tests.browser.support import PHONE, Browsing

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-CN"]
HEADINGS = {"en": "Our spaces", "zh-CN": "我们的场地"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_landing_page_shows_every_space_with_capacities_in_the_language(browsing: Browsing, language: str):
    with browsing.visit(language) as visit:
        page = visit.open("/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_role("heading", name=HEADINGS[language]).is_visible()
        assert page.locator(".card").count() == 10  # every space of the catalog
        assert page.locator(".card table").first.is_visible()
        visit.shot(f"landing-desktop-{language}")
        for path in ("/whats-on", "/help", "/sign-in"):
            visit.open(path)


def test_a_first_visit_gets_its_language_from_accept_language(stack):
    web = stack.service("web").base_url
    chinese = httpx.get(f"{web}/", headers={"Accept-Language": "zh-TW,zh;q=0.9,en;q=0.5"})
    english = httpx.get(f"{web}/", headers={"Accept-Language": "de-DE,de;q=0.9,en-GB;q=0.7"})
    assert '<html lang="zh-CN"' in chinese.text and '<html lang="en"' in english.text


def test_every_answer_carries_the_security_headers_and_a_secure_session_cookie(stack):
    answer = httpx.get(stack.service("web").base_url + "/")
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["cache-control"] == "no-store"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("__Host-wict-session=") and all(
        flag in cookie for flag in ("HttpOnly", "Secure", "SameSite=lax", "Path=/")
    )
    assert "<script>" not in answer.text and " style=" not in answer.text  # nothing inline


def test_a_form_without_this_browsers_token_is_refused(stack):
    web = stack.service("web").base_url
    with httpx.Client(base_url=web) as client:
        refused = client.post(
            "/language", data={"language": "en", "next": "/"}, headers={"Accept-Language": "en"}
        )
    assert refused.status_code == 403 and "send it again" in refused.text


def test_the_language_switch_and_elder_mode_work_by_keyboard_alone(browsing: Browsing):
    with browsing.visit("en") as visit:
        page = visit.open("/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"  # the skip link comes first
        _tab_to(page, "中文")
        visit.press("Enter")
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        visit.check()
        _tab_to(page, "大字模式")
        visit.press("Enter")
        assert "elder" in (page.locator("html").get_attribute("class") or "")
        assert page.locator(".desk-banner").is_visible()  # the service desk's phone at the top
        font_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert font_size >= 20
        visit.check()
        visit.shot("landing-elder-zh-CN")


def _tab_to(page, name: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", "the focused control shows no focus ring"
            return
    raise AssertionError(f"{name!r} not reached by Tab")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_layout_holds_at_phone_width_and_at_200_percent_zoom(browsing: Browsing, language: str):
    with browsing.visit(language, viewport=PHONE) as visit:
        page = visit.open("/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        visit.shot(f"landing-phone-{language}", full_page=False)
    with browsing.visit(language, viewport={"width": 640, "height": 450}) as visit:  # 1280x900 at 200 %
        page = visit.open("/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 640


def test_a_session_about_to_end_offers_to_stay_signed_in(browsing: Browsing, people, stack):
    organizer = people.organizer("Slow Reader")
    session_id = people.session_for(organizer)
    key = id_hash(session_id).hex()
    stack.postgres.psql(
        f"UPDATE sessions SET expires_at = now() + interval '5 minutes' WHERE id_hash = '\\x{key}'",
        database="web",
    )
    with browsing.visit("en", session_id) as visit:
        status = visit.page.request.get(f"{visit.base_url}/session/status?next=/book")
        assert "Stay signed in" in status.text()  # the poll itself does not extend the session
        visit.page.set_content(status.text())
        token = csrf_token_of(visit, "/help")
        extended = visit.page.request.post(
            f"{visit.base_url}/session/extend",
            form={"csrf_token": token, "next": "/book"},
            headers={"HX-Request": "true"},
        )
        assert extended.status == 200 and "You stay signed in" in extended.text()
    left = stack.postgres.psql(
        f"SELECT expires_at > now() + interval '1 hour' FROM sessions WHERE id_hash = '\\x{key}'",
        database="web",
    )
    assert left.strip() == "t"


def csrf_token_of(visit, path: str) -> str:
    page = visit.open(path)
    return page.locator("input[name=csrf_token]").first.get_attribute("value") or ""
